#!/usr/bin/env python3
"""Boot-to-ACTIVE latency through the gateway, on a running Strato cloud (issue 5's benchmark).

    eval "$(deploy/local/strato env)"
    compute-service/bench/boot.py [--sequential 10] [--servers 50] [--concurrency 50] [--flavor m1.tiny]

Credentials come from the OS_* variables of `strato env` (the admin). The script makes its own project with a
member user, a network and /24 subnet and a private 64 MiB qcow2 image (tests/e2e/strato_e2e.py's Tenant), and:
  0. warm-up: two servers in an anti-affinity group, so each simulated host has the image cached, then deleted;
  1. concurrency 1: --sequential servers, each created after the previous one is ACTIVE;
  2. concurrency C: --servers servers, --concurrency POSTs in flight at once;
each server's latency is from its POST /compute/v2.1/servers answering 202 to the first poll that shows it
ACTIVE. One poller thread lists GET /servers/detail of the project every --poll seconds (0.2) for all servers,
so each figure is late by up to one poll interval plus one list request. Servers are deleted between phases.
Prints p50/p95/max/mean of boot-to-ACTIVE and of the POST itself, and the load average; cleans up at the end.
Standard library only; loopback URLs only.
"""
import argparse
import os
import sys
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
import strato_e2e as e2e  # noqa: E402


class Poller:
    """Lists the project's servers every interval and remembers when each id was first seen in each status."""

    def __init__(self, tenant, interval):
        self.tenant = tenant
        self.interval = interval
        self.first = {}  # (id, status) -> monotonic time
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.changed = threading.Condition(self.lock)
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        url = self.tenant.cloud.compute + "/servers/detail?limit=1000"
        while not self.stop.is_set():
            try:
                _, b, _ = e2e.call("GET", url, self.tenant.token)
                seen = e2e.now()
                with self.changed:
                    for s in b["servers"]:
                        self.first.setdefault((s["id"], s["status"]), seen)
                    self.changed.notify_all()
            except Exception as ex:  # noqa: BLE001 - the poller keeps polling
                e2e.log(f"poller: {ex}")
            self.stop.wait(self.interval)

    def wait(self, ids, status, seconds):
        """Blocks until every id was seen in status (or ERROR, or the time is up); returns {id: time or None}."""
        deadline = e2e.now() + seconds
        with self.changed:
            while True:
                done = {i: self.first.get((i, status)) for i in ids}
                failed = [i for i in ids if (i, "ERROR") in self.first]
                if all(v is not None for v in done.values()) or failed or e2e.now() > deadline:
                    return done
                self.changed.wait(1.0)


def phase(tenant, poller, flavor, n, concurrency, label):
    posted = {}

    def create(i):
        sid, post = tenant.create_server(f"boot-{label}-{i:02d}", flavor)
        posted[sid] = (e2e.now(), post)
        return sid

    load0 = os.getloadavg()
    t0 = e2e.now()
    if concurrency == 1:
        ids = []
        for i in range(n):
            sid = create(i)
            ids.append(sid)
            poller.wait([sid], "ACTIVE", e2e.BUILD_TIMEOUT + 30)
    else:
        ids = e2e.parallel(create, range(n), concurrency)
    active = poller.wait(ids, "ACTIVE", e2e.BUILD_TIMEOUT + 30)
    wall = e2e.now() - t0
    load1 = os.getloadavg()
    missing = [i for i, t in active.items() if t is None]
    if missing:
        raise SystemExit(f"{label}: {len(missing)} server(s) never ACTIVE, e.g. {missing[0]}")
    boot = [active[i] - posted[i][0] for i in ids]
    post = [posted[i][1] for i in ids]
    print(e2e.latency_line(f"boot-to-ACTIVE, concurrency {concurrency}", boot), flush=True)
    print(e2e.latency_line(f"POST /servers (202), concurrency {concurrency}", post), flush=True)
    print(f"  {n} servers ACTIVE in {wall:.1f}s wall; load average {load0[0]:.1f} before, {load1[0]:.1f} after "
          f"(1 min), {os.cpu_count()} CPUs", flush=True)
    left = tenant.delete_servers()
    if left:
        raise SystemExit(f"{label}: servers not deleted: {left}")
    return boot


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sequential", type=int, default=10)
    ap.add_argument("--servers", type=int, default=50)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--flavor", default="m1.tiny")
    ap.add_argument("--poll", type=float, default=0.2)
    args = ap.parse_args()
    cloud = e2e.Cloud()
    report = e2e.Report("boot bench")
    tenant = e2e.Tenant(cloud, "bench-boot", report, instances=max(args.servers, args.sequential) + 5,
                        cidr="10.80.0.0/24")
    poller = None
    try:
        _, fl, _ = e2e.call("GET", cloud.compute + "/flavors", tenant.token)
        flavor = next(f["id"] for f in fl["flavors"] if f["name"] == args.flavor)
        hosts = e2e.compute_hosts_up(cloud)
        print(f"hosts up in zone nova: {hosts}; flavor {args.flavor}; poll every {args.poll}s", flush=True)
        poller = Poller(tenant, args.poll)
        group = tenant.make_group("anti-affinity")
        warm = [tenant.create_server(f"warm-{i}", flavor, group)[0] for i in range(min(2, len(hosts)))]
        poller.wait(warm, "ACTIVE", e2e.BUILD_TIMEOUT + 30)
        tenant.delete_servers()
        phase(tenant, poller, flavor, args.sequential, 1, "c1")
        phase(tenant, poller, flavor, args.servers, args.concurrency, f"c{args.concurrency}")
    finally:
        if poller:
            poller.stop.set()
        tenant.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
