#!/usr/bin/env python3
"""50 concurrent creates: all ACTIVE, no host over capacity, no address twice (issue 5).

    eval "$(deploy/local/strato env)"; tests/e2e/compute-burst.py [--servers 50] [--slack 0]

In a project of its own, the test makes the largest flavor of which the up hosts of zone "nova" still hold
--servers (+ --slack, default 0) by RAM (memory_mb x ram allocation ratio - memory_mb_used, per host): the
servers fill the hosts, so the scheduler's concurrent claims really compete for the last room on each host and
capacity binds (for the ~30 s of the burst nothing else fits on those hosts). It POSTs all servers at once (one thread each) as
the project's member and, while they build, samples /os-hypervisors/detail every second for a host over
capacity. Then every server must be ACTIVE; claims, /limits and ports must match the servers (strato_e2e
check_consistency); every address is distinct. It deletes them and checks nothing is left behind.
"""
import argparse
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
import strato_e2e as e2e  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--servers", type=int, default=50)
    ap.add_argument("--slack", type=int, default=0, help="room for this many more servers than --servers")
    ap.add_argument("--ram", type=int, default=0, help="the flavor's RAM in MB instead (to see the test fail)")
    args = ap.parse_args()
    r = e2e.Report("compute-burst")
    cloud = e2e.Cloud()
    if not e2e.only_agent_hosts(cloud, r):
        return r.exit()
    hosts = e2e.compute_hosts_up(cloud)
    if not r.check(len(hosts) >= 2, f"at least two compute hosts up in zone nova ({hosts})"):
        return r.exit()
    tenant = e2e.Tenant(cloud, "burst", r, instances=args.servers + 10)
    try:
        hyps = cloud.hypervisors()
        baseline = {h: e2e.usage(hyps[h]) for h in hosts}
        vms = {h: hyps[h]["running_vms"] for h in hosts}
        free = {h: hyps[h]["memory_mb"] * e2e.RAM_RATIO - hyps[h]["memory_mb_used"] for h in hosts}
        want = args.servers + args.slack
        ram = args.ram or int(sum(free.values()) / want)
        while not args.ram and ram > 64 and sum(int(f // ram) for f in free.values()) < want:
            ram -= 1
        slots = {h: int(f // ram) for h, f in free.items()}
        flavor = tenant.make_flavor(ram)
        e2e.log(f"flavor {flavor['name']}: {ram} MB; free RAM {dict((h, int(f)) for h, f in free.items())} MB "
                f"= room for {slots} of them ({sum(slots.values())} for {args.servers} servers)")

        over_seen = []
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                try:
                    over = e2e.over_capacity(cloud.hypervisors(), hosts)
                    if over:
                        over_seen.append(over)
                except Exception as ex:  # noqa: BLE001 - the sampler keeps sampling
                    e2e.log(f"sampler: {ex}")
                stop.wait(1.0)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t0 = e2e.now()
        results = e2e.parallel(lambda i: tenant.create_server(f"burst-{i:02d}", flavor["id"]), range(args.servers),
                               args.servers)
        ids = [sid for sid, _ in results]
        post = sorted(t for _, t in results)
        e2e.log(f"{len(ids)} POSTs answered 202 in {e2e.now() - t0:.1f}s (slowest {post[-1]:.1f}s, "
                f"median {post[len(post) // 2]:.1f}s)")
        r.check(len(set(ids)) == args.servers, f"{args.servers} concurrent POST /servers answered 202 with distinct ids")
        servers = tenant.wait_settled(ids, e2e.BUILD_TIMEOUT + 60)
        took = e2e.now() - t0
        stop.set()
        sampler.join(5)
        states = {}
        for s in servers.values():
            states[s["status"] if s else "gone"] = states.get(s["status"] if s else "gone", 0) + 1
        active = [s for s in servers.values() if s and s["status"] == "ACTIVE"]
        faults = {s["fault"]["message"] for s in servers.values() if s and s.get("fault")}
        r.check(len(active) == args.servers, f"all {args.servers} servers ACTIVE ({took:.0f}s after the first POST)",
                f"states {states}; faults {sorted(faults)[:3]}")
        per_host = {}
        for s in active:
            per_host[s["OS-EXT-SRV-ATTR:host"]] = per_host.get(s["OS-EXT-SRV-ATTR:host"], 0) + 1
        e2e.log(f"placement: {per_host}")
        r.check(all(per_host.get(h, 0) <= slots.get(h, 0) for h in per_host),
                f"no host holds more servers than it had room for ({per_host} vs room {slots})")
        r.check(not over_seen, f"no host over capacity in any of the samples taken during the burst",
                str(over_seen[:2]))
        addrs = [a["addr"] for s in active for net in s["addresses"].values() for a in net]
        r.check(len(addrs) == len(active) and len(set(addrs)) == len(addrs),
                f"each ACTIVE server has one address and no address twice ({len(set(addrs))} distinct)")
        tenant.check_consistency(baseline, "after the burst", hosts)
        t = e2e.now()
        left = tenant.delete_servers()
        r.check(not left, f"all servers deleted ({e2e.now() - t:.0f}s)", f"still there: {left[:5]}")
        tenant.check_gone(baseline, vms, hosts)
    except Exception as ex:  # noqa: BLE001 - a crash of the test is a failure, and cleanup still runs
        r.fail("the test ran to its end", repr(ex))
    finally:
        tenant.cleanup()
    return r.exit()


if __name__ == "__main__":
    sys.exit(main())
