#!/usr/bin/env python3
"""Rolling an API service during a burst of server creates loses nothing (issue 18): run-local roll's checks.

    deploy/kubernetes/run-local roll [SERVICE...]     (default: compute-service, then network-service)

For each service, in a project of its own (strato_e2e.Tenant through the gateway, as the admin of run-local env:
a member user, a network, a tiny qcow2 image, a 64 MB flavor), a burst of server creates on the simulated host,
one every --every seconds, each in a thread of its own. --lead seconds into the burst, `run-local replace SERVICE`
replaces the service's pod as a rolling update with maxUnavailable 0 does (a new pod, ready, joins the Service's
name; the old one leaves it, runs its preStop hook, gets SIGTERM and the rest of its grace period, is removed). The burst goes on until --tail seconds
after the old pod is gone (at least --min-creates creates). Then, once every server is out of BUILD, the checks of
tests/e2e/chaos.py's Case, from the API and from the databases (psql in the database pod: STRATO_E2E_PSQL):
  - every POST was answered: 2xx, 4xx, 5xx, cut or timed out are counted; a 5xx or a cut is a failed check;
  - one server row per 202 (its id), none for a POST that was not answered 202;
  - every server ACTIVE or ERROR (each ERROR's fault logged), none in BUILD or with a task or pending cleanup;
  - claims (host counters = allocation rows, no allocation without its server), ports (network's compute ports =
    compute's server_port, one per ACTIVE server, no address without its port), one create action per server,
    /limits = the servers; every outbox row of every service database published;
  - the old pod stopped within its grace period (exit 143: the JVM ended on SIGTERM, not SIGKILL's 137);
then every server is deleted and nothing may be left (ports, addresses, allocations, quota), and the project goes.
Kafka itself is not read (chaos.py's lost-event count): the dev Kafka pod publishes no port to the host.

One FIGURE line per roll: creates and answers by class, what the accepted creates became, the new pod's start to
ready, the old pod's time from SIGTERM to stopped, the time to settle after the last answer. Exit 1 on a failed check.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "e2e"))
import chaos  # noqa: E402
import strato_e2e as e2e  # noqa: E402

RUN_LOCAL = os.path.join(HERE, "..", "run-local")
FIGURES = []


class PacedBurst(chaos.Burst):
    """Creates added one at a time while the roll goes on (chaos.Burst's calls, classification and tallies)."""

    def __init__(self, cloud, tenant, flavor, prefix):
        self.cloud, self.tenant, self.flavor, self.prefix = cloud, tenant, flavor, prefix
        self.ops, self.threads, self.t0 = [], [], None

    def add(self):
        op = chaos.Op("create", e2e.now() - self.t0, name=f"{self.prefix}-{len(self.ops):03d}")
        self.ops.append(op)
        th = threading.Thread(target=self.run, args=(op,), daemon=True)
        th.start()
        self.threads.append(th)


class Replacement:
    """`run-local replace SERVICE` in the background; its ROLL lines give the figures."""

    NEW = re.compile(r"^ROLL new \S+ ready ([\d.]+) s after its start")
    OLD = re.compile(r"^ROLL old \S+ stopped ([\d.]+) s after SIGTERM \(exit (\d+); grace (\d+) s after its preStop "
                     r"'[^']*' of ([\d.]+) s\)")

    def __init__(self, service):
        self.ready = self.stopped = self.exit_code = self.grace = self.prestop = None
        self.proc = subprocess.Popen([RUN_LOCAL, "replace", service], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self):
        for line in self.proc.stdout:
            e2e.log(f"  replace: {line.rstrip()}")
            m = self.NEW.match(line)
            if m:
                self.ready = float(m.group(1))
            m = self.OLD.match(line)
            if m:
                self.stopped, self.exit_code, self.grace = float(m.group(1)), int(m.group(2)), int(m.group(3))
                self.prestop = float(m.group(4))

    def done(self):
        return self.proc.poll() is not None

    def wait(self):
        rc = self.proc.wait()
        self.reader.join(10)
        return rc


class RollCase(chaos.Case):
    """A project of its own, a paced burst, a pod replaced during it; chaos.Case's checks and deletes."""

    def __init__(self, service, cloud, report, args):
        self.name, self.cloud, self.r, self.args, self.rng = service, cloud, report, args, None
        self.volumes, self.base, self.seen_servers, self.figure = [], [], set(), {}
        self.hosts = e2e.compute_hosts_up(cloud)
        hyps = cloud.hypervisors()  # before the project has any server (check_consistency's baseline)
        self.baseline = {h: e2e.usage(hyps[h]) for h in hyps}
        self.vms = {h: hyps[h]["running_vms"] for h in self.hosts}
        self.tenant = e2e.Tenant(cloud, f"roll-{service}", report, instances=args.max_creates + 10,
                                 cidr="10.77.0.0/22", prefix="k8s")
        self.flavor = self.tenant.make_flavor(args.ram)["id"]
        self.t0_wall = time.time() - 1
        self.replacement = None

    def run(self):
        a = self.args
        burst = PacedBurst(self.cloud, self.tenant, self.flavor, f"roll-{self.name}")
        burst.start()
        gone_at = None
        while True:
            if len(burst.ops) < a.max_creates:
                burst.add()
            if self.replacement is None and e2e.now() - burst.t0 >= a.lead:
                e2e.log(f"[{self.name}] {len(burst.ops)} creates sent; replacing its pod")
                self.replacement = Replacement(self.name)
            if self.replacement is not None and gone_at is None and self.replacement.done():
                gone_at = e2e.now()
            if gone_at is not None and e2e.now() - gone_at >= a.tail and len(burst.ops) >= a.min_creates:
                break
            time.sleep(a.every)
        took = e2e.now() - burst.t0
        rc = self.replacement.wait()
        self.r.check(rc == 0, f"[{self.name}] run-local replace {self.name} ended (exit {rc})")
        burst.join()
        self.figure["burst"] = took
        rep = self.replacement
        if rep.exit_code is not None:
            self.r.check(rep.exit_code == 143, f"[{self.name}] the old pod stopped on SIGTERM within its grace period "
                                               f"({rep.stopped} s of {rep.grace} s, exit {rep.exit_code})",
                         "137 is SIGKILL's: the grace period ran out")
        self.finish(burst, gone_at or e2e.now(), "")

    def check_all(self, burst, since):
        super().check_all(burst, since)
        r, name, p = self.r, f"[{self.name}]", self.tenant.project
        tally = burst.tally()
        failed = {k: v for k, v in tally.items() if k in ("cut", "timeout", "error") or k.startswith("5")}
        r.check(not failed, f"{name} every POST answered, none with a 5xx or cut ({tally})", f"{failed}")
        rows = {}
        for sid, sname in chaos.sql("compute", f"select id, name from server where project_id = '{p}'"):
            rows.setdefault(sname, []).append(sid)
        accepted = [op for op in burst.ops if op.outcome == "ok"]
        missing = [f"{op.name} {op.server}: rows {rows.get(op.name)}" for op in accepted
                   if rows.get(op.name) != [op.server]]
        r.check(not missing, f"{name} one server row per 202, with its id ({len(accepted)})", "; ".join(missing[:5]))
        without = [f"{op.name} ({op.outcome} {op.status or ''}): {rows[op.name]}" for op in burst.ops
                   if op.outcome != "ok" and op.name in rows]
        r.check(not without, f"{name} no server row for a POST not answered 202", "; ".join(without[:5]))
        servers = self.tenant.servers()
        became = {}
        for op in accepted:
            st = servers[op.server]["status"] if op.server in servers else "gone"
            became[st] = became.get(st, 0) + 1
        self.figure["became"] = became

    def check_events(self):
        self.check_outbox()  # chaos.Case's Kafka half reads the broker from the host: the dev Kafka pod publishes no port

    def print_figure(self, burst, extra):
        f, rep = self.figure, self.replacement
        line = (f"FIGURE roll {self.name}: {len(burst.ops)} creates in {f.get('burst', 0):.0f} s (one every "
                f"{self.args.every:g} s), answers {burst.tally()}; the accepted became {f.get('became')}; new pod "
                f"ready {rep.ready} s after its start; old pod: preStop {rep.prestop} s, then stopped {rep.stopped} s after "
                f"SIGTERM (exit {rep.exit_code}); settled {f.get('settle', 0):.0f} s after the last answer")
        print(line, flush=True)
        FIGURES.append(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("services", nargs="*", default=["compute-service", "network-service"])
    ap.add_argument("--every", type=float, default=1.0, help="seconds between two creates")
    ap.add_argument("--lead", type=float, default=6.0, help="seconds of burst before the replacement starts")
    ap.add_argument("--tail", type=float, default=10.0, help="seconds of burst after the old pod is gone")
    ap.add_argument("--min-creates", type=int, default=30)
    ap.add_argument("--max-creates", type=int, default=250)
    ap.add_argument("--ram", type=int, default=64, help="the flavor's RAM in MB")
    ap.add_argument("--settle", type=float, default=e2e.BUILD_TIMEOUT + 120,
                    help="seconds the servers may take to leave BUILD after the last answer")
    args = ap.parse_args()
    e2e.raise_on_sigterm()
    r = e2e.Report("roll")
    cloud = e2e.Cloud()
    for service in args.services:
        case = None
        try:
            case = RollCase(service, cloud, r, args)
            case.run()
        except Exception as ex:  # noqa: BLE001 - a crash of the roll is a failure, and cleanup still runs
            r.fail(f"[{service}] the roll ran to its end", repr(ex))
        finally:
            if case:
                case.cleanup()
    for line in FIGURES:
        print(line)
    return r.exit()


if __name__ == "__main__":
    sys.exit(main())
