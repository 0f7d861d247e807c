#!/usr/bin/env python3
"""JIT flags by measurement (issue 17): C1 only (deploy/local's -XX:TieredStopAtLevel=1) against full tiered
compilation (C2) and other JVM flag sets, on instances of its own, after a warm-up long enough for C2, in one table.

    cd /tmp/cloud/main && eval "$(deploy/local/strato env)"         # the admin's OS_* variables
    tests/bench/jit.py [--apps /tmp/cloud/main] [--warmup 30] [--seconds 20] [--rounds 3] [--mode NAME=FLAGS ...]
                       [--kinds identity,gateway,network,compute,image] [--only WORDS]

A mode's FLAGS may hold apps=DIR (that mode runs DIR's packaged jars instead of --apps': a code change before and
after, same run) and VAR=value words (an upper-case name, e.g. QUARKUS_DATASOURCE_REACTIVE_CACHE_PREPARED_STATEMENTS=true):
those are set in its JVMs' environment, not passed to java, so a mode can switch a runtime property as well as JVM flags.
--kinds chooses the JVMs each mode starts (default identity,gateway,network); compute-service (saga worker, host monitor,
heartbeat probe, metadata server and flavor bootstrap off) and image-service (a store directory of its own) add their
authenticated cheap GET and version document, and every run that has a service's pair prints the ratio of the two per
round (issue 17's get row, as tests/bench/run.py's, but same JVM and same round for both modes).
volume-service is not among the kinds: at start it settles the volumes it finds in a transient status (work/Recovery),
which would act on the cloud's own volumes.

What it does, for each mode (a named set of JVM flags; default c1 = deploy/local's service flags as they were before
issue 17, c2 = the same without -XX:TieredStopAtLevel=1):
  - starts its own identity-service, a gateway in front of it (route identity only) and a network-service, from copies
    of APPS/<module>/target/quarkus-app (copied first, so a rebuild cannot swap jars under the run), on spare loopback
    ports (--port-base, default 18900: mode i uses base+10*i .. +5), against the running cloud's PostgreSQL and Kafka
    with deploy/local's settings; event consumers, the outbox relay and Flyway off, no bootstrap, so that nothing of
    the cloud's changes (its own processes are never touched); one JVM at a time, each after the one before is ready
    (as deploy/local/strato up does), so that the seconds to ready are each JVM's own;
  - warms each load up for --warmup seconds in pieces of 10 s, each printed (the warm-up curve: C2 is done when the
    pieces stop getting faster; network-service's loads 3x as long), every mode before any measurement; then --rounds rounds, the modes' order reversed every round (drift of the machine shows as
    round-to-round spread), each load for --seconds with wrk -t1 at --conns connections (16):
      identity  POST /v3/auth/tokens, method token (re-scoping the admin's project token), direct
      identity  GET /v3/projects with the admin's token, direct
      identity  GET /v3 (version document), direct
      gateway   POST /identity/v3/auth/tokens, method token, through the mode's gateway to the mode's identity
      gateway   GET /identity/v3 through the gateway
      network   GET /v2.0/networks with the admin's token, direct
  - per load: req/s, p50, p99, and CPU per request of the JVM the request is for (user + system ticks of the whole
    process, GC and compiler threads included, over the measured seconds / requests; for gateway loads also the
    identity behind it), and of PostgreSQL (every postgres process on the machine, the cloud's idle backends too);
  - per JVM: seconds to ready, RSS at ready, after the warm-up and after the last round, code cache used (jcmd
    Compiler.codecache), CPU seconds of its compiler threads (C1 and C2 CompilerThread) over its life and in the rounds.
PostgreSQL connections: --db-pool (default 5 per instance) keeps the instances, all modes and kinds, inside
max_connections beside the cloud (eight instances at their own pool sizes took it past 100 and the cloud got 503s).
Prints each load as it runs, then one table of the loads (per load and mode: the median of the rounds, each round's
req/s, the ratio to the first mode) and one of the JVMs. Stops every process it started (also after a failure or ^C).
The admin token comes from the cloud's gateway ($OS_AUTH_URL) and lives an hour: keep the run under 50 minutes.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import types
import urllib.error
import urllib.request

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as bench  # noqa: E402  (wrk and the admin token of tests/bench/run.py)

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
# deploy/local/lib/services.sh's SERVICE_JVM before issue 17's flag choice, less -XX:TieredStopAtLevel=1
COMMON = ("-Xms16m -Xmx160m -Xss512k -XX:+UseSerialGC -XX:ActiveProcessorCount=2 -XX:MaxMetaspaceSize=160m "
          "-XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m")
DEFAULT_MODES = [("c1", COMMON + " -XX:TieredStopAtLevel=1"), ("c2", COMMON)]
ALL_MODULES = {"identity": "identity-service", "gateway": "gateway", "network": "network-service",
               "compute": "compute-service/api", "image": "image-service"}
MODULES = dict(ALL_MODULES)  # the kinds this run starts (--kinds), in ALL_MODULES' order
# kind: (port offset in a mode's ten ports (the management port is the next one), its environment)
KINDS = {
    "identity": (0, lambda port: {"STRATO_IDENTITY_INTERNAL_URL": f"http://127.0.0.1:{port}"}),
    "gateway": (2, lambda port: {"STRATO_GATEWAY_ROUTES_IDENTITY_UPSTREAM": f"http://127.0.0.1:{port}"}),
    "network": (4, lambda port: {"STRATO_NETWORK_VLAN_RANGES": "physnet1:100:199,public"}),
    # nothing that acts on the cloud's servers or hosts: no saga worker (nor its attachment watchdog), no host
    # monitor or heartbeat probe, no metadata server, no flavor bootstrap
    "compute": (6, lambda port: {"STRATO_COMPUTE_WORKER_ENABLED": "false", "STRATO_COMPUTE_HOST_MONITOR_ENABLED": "false",
                                 "STRATO_COMPUTE_HEARTBEAT_CLOCK_PROBE_ENABLED": "false",
                                 "STRATO_COMPUTE_METADATA_ENABLED": "false", "STRATO_COMPUTE_BOOTSTRAP_FLAVORS": "false"}),
    # image bytes are not read by a list; a store of its own in the run's directory
    "image": (8, lambda port: {}),
}
# kind: (authenticated cheap GET, the same service's version document), as tests/bench/run.py's get row
PAIRS = {"identity": ("identity GET /v3/projects, direct", "identity GET /v3, direct"),
         "network": ("network GET /v2.0/networks, direct", "network GET /, direct"),
         "compute": ("compute GET /v2.1/flavors, direct", "compute GET /v2.1, direct"),
         "image": ("image GET /v2/images, direct", "image GET /v2, direct")}
ENV_WORD = re.compile(r"^[A-Z][A-Z0-9_]*=")
# what the instances share with every deploy/local instance; nothing that writes to the cloud's state
QUIET = {"STRATO_EVENTS_CONSUMER_ENABLED": "false", "STRATO_EVENTS_RELAY_ENABLED": "false",
         "QUARKUS_FLYWAY_MIGRATE_AT_START": "false"}
HZ = os.sysconf("SC_CLK_TCK")


def postgres_ticks():
    """user + system ticks of every PostgreSQL process on the machine (the server and all its backends, the cloud's
    too: an idle cloud adds little, so a load's delta is the database work it caused)"""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as f:
                if not f.read().startswith("postgres"):
                    continue
            total += ticks(pid)
        except (OSError, ValueError, IndexError):
            pass  # a backend that ended meanwhile
    return total


def split_mode(flags):
    """a mode's words: JVM flags, and VAR=value words (an upper-case name) as environment of its JVMs (apps=DIR, the
    mode's own checkout, is start()'s)"""
    words = [w for w in flags.split() if not w.startswith("apps=")]
    return [w for w in words if not ENV_WORD.match(w)], dict(w.split("=", 1) for w in words if ENV_WORD.match(w))


def mode_apps(flags):
    """the checkout of a mode's apps=DIR word, or None (--apps)"""
    return next((w[5:] for w in flags.split() if w.startswith("apps=")), None)


def ticks(pid, task=None):
    """user + system clock ticks of a process (all its threads) or of one of its threads"""
    path = f"/proc/{pid}/stat" if task is None else f"/proc/{pid}/task/{task}/stat"
    with open(path) as f:
        s = f.read()
    fields = s[s.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def compiler_seconds(pid):
    """CPU seconds of the JIT compiler threads (named 'C1 CompilerThre', 'C2 CompilerThre')"""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                if "CompilerThre" in f.read():
                    total += ticks(pid, task)
        except OSError:
            pass  # the thread ended meanwhile (compiler threads come and go: UseDynamicNumberOfCompilerThreads)
    return total / HZ


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def code_cache_mb(pid):
    """(used, max used) of the code cache in MB, from jcmd Compiler.codecache ('... used=12345Kb max_used=...')"""
    out = subprocess.run(["jcmd", str(pid), "Compiler.codecache"], capture_output=True, text=True, timeout=60).stdout
    used = max_used = 0
    for word in out.replace(",", " ").split():
        if word.startswith("used=") and word.endswith("Kb"):
            used += int(word[5:-2])
        elif word.startswith("max_used=") and word.endswith("Kb"):
            max_used += int(word[9:-2])
    return used / 1024, max_used / 1024


def load_avg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Jvm:
    """One instance started by this run."""

    def __init__(self, kind, mode, flags, app, port, env, work):
        self.kind, self.mode, self.port = kind, mode, port
        self.log = os.path.join(work, f"{mode}-{kind}.log")
        jvm_flags, mode_env = split_mode(flags)
        argv = ["java", *jvm_flags, f"-Dquarkus.http.port={port}", f"-Dquarkus.management.port={port + 1}",
                "-Dkafka.bootstrap.servers=127.0.0.1:9092", "-jar", os.path.join(app, "quarkus-run.jar")]
        self.t0 = time.monotonic()
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(argv, cwd=work, env={**os.environ, **QUIET, **env, **mode_env}, stdout=log,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.pid = self.proc.pid
        self.ready_s = self.rss_ready = self.rss_warm = self.jit_warm = None
        self.base = f"http://127.0.0.1:{port}"

    def wait_ready(self, timeout=240):
        url = self.base + "/q/health/ready"
        while time.monotonic() - self.t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.mode} {self.kind} exited ({self.proc.returncode}); see {self.log}")
            try:
                with urllib.request.urlopen(url, timeout=3) as r:
                    if r.status == 200:
                        self.ready_s = time.monotonic() - self.t0
                        self.rss_ready = rss_mb(self.pid)
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.mode} {self.kind}: {url} not ready after {timeout} s; see {self.log}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Load:
    """One wrk load: its name, the JVM it is for (CPU per request), the JVM behind it if any, the request."""

    def __init__(self, name, jvm, behind, url, method="GET", headers=None, body=None):
        self.name, self.jvm, self.behind, self.url = name, jvm, behind, url
        self.method, self.headers, self.body = method, headers, body

    def run(self, seconds, conns):
        """wrk for SECONDS; returns (Wrk, CPU ms per request of jvm, of the JVM behind or None, of PostgreSQL)"""
        t0 = ticks(self.jvm.pid)
        b0 = ticks(self.behind.pid) if self.behind else 0
        p0 = postgres_ticks()
        w = bench.wrk(self.url, seconds, conns, warmup=0, method=self.method, headers=self.headers, body=self.body)
        p1 = postgres_ticks()
        t1 = ticks(self.jvm.pid)
        b1 = ticks(self.behind.pid) if self.behind else 0
        n = w.n or float("nan")  # no answer at all (a cold JVM on a busy machine): no CPU per request either
        return (w, (t1 - t0) / HZ * 1000 / n, ((b1 - b0) / HZ * 1000 / n if self.behind else None),
                (p1 - p0) / HZ * 1000 / n)


def start(kind, mode, flags, port, apps, work):
    """the JVM of KIND in a mode's stack (the mode's ports from PORT), started; a gateway is in front of the mode's
    identity (PORT itself)"""
    offset, env = KINDS[kind]
    if kind == "image":
        store = os.path.join(work, f"{mode}-image-store")
        os.makedirs(store, exist_ok=True)
        env = lambda _: {"STRATO_IMAGE_STORE_DIRECTORY": store}  # noqa: E731
    return Jvm(kind, mode, flags, apps[kind], port + offset, env(port), work)


def loads_of(jvms, token, project):
    j = {x.kind: x for x in jvms}
    auth = {"X-Auth-Token": token, "Accept": "application/json"}
    issue = {"auth": {"identity": {"methods": ["token"], "token": {"id": token}}, "scope": {"project": {"id": project}}}}
    post = {"Content-Type": "application/json"}
    loads = []
    if "identity" in j:
        identity = j["identity"]
        loads += [
            Load("identity POST /v3/auth/tokens (token), direct", identity, None, identity.base + "/v3/auth/tokens",
                 "POST", post, issue),
            Load(PAIRS["identity"][0], identity, None, identity.base + "/v3/projects", headers=auth),
            Load(PAIRS["identity"][1], identity, None, identity.base + "/v3")]
    if "gateway" in j:
        gateway, identity = j["gateway"], j["identity"]
        loads += [
            Load("gateway POST /identity/v3/auth/tokens (token)", gateway, identity,
                 gateway.base + "/identity/v3/auth/tokens", "POST", post, issue),
            Load("gateway GET /identity/v3", gateway, identity, gateway.base + "/identity/v3")]
    for kind, (cheap, version) in (("network", ("/v2.0/networks", "/")), ("compute", ("/v2.1/flavors", "/v2.1")),
                                   ("image", ("/v2/images", "/v2"))):
        if kind in j:
            loads += [Load(PAIRS[kind][0], j[kind], None, j[kind].base + cheap, headers=auth),
                      Load(PAIRS[kind][1], j[kind], None, j[kind].base + version)]
    return loads


def copy_apps(src, work, name="apps"):
    apps = {}
    for kind, module in MODULES.items():
        app = os.path.join(src, module, "target", "quarkus-app")
        if not os.path.isfile(os.path.join(app, "quarkus-run.jar")):
            raise SystemExit(f"no {app}/quarkus-run.jar: ./mvnw -B -q package -DskipTests -pl {module} -am")
        apps[kind] = shutil.copytree(app, os.path.join(work, name, module.replace("/", "-")))
    return apps


def nmt_committed(pid):
    """{category: committed MB} from jcmd VM.native_memory summary (needs -XX:NativeMemoryTracking=summary)"""
    out = subprocess.run(["jcmd", str(pid), "VM.native_memory", "summary"], capture_output=True, text=True,
                         timeout=60).stdout
    found = {}
    for line in out.splitlines():
        m = re.match(r"^-?\s*(Total|[A-Z][\w ]*?):? \(?reserved=\d+KB, committed=(\d+)KB", line.strip())
        if m:
            found[m.group(1).strip()] = int(m.group(2)) / 1024
    return found


def nmt_table(jvms, modes):
    """committed native memory by NMT category, per JVM and mode: where a mode's extra RSS is"""
    rows = {(kind, mode): nmt_committed(next(x for x in jvms[mode] if x.kind == kind).pid)
            for kind in MODULES for mode, _ in modes}
    cats = sorted({c for r in rows.values() for c in r}, key=lambda c: -max(r.get(c, 0) for r in rows.values()))
    print("\n| JVM | mode | " + " | ".join(cats) + " |  (NMT committed MB)")
    print("|---|---|" + "---|" * len(cats))
    for (kind, mode), r in rows.items():
        print(f"| {MODULES[kind]} | {mode} | " + " | ".join(f"{r.get(c, 0):.1f}" for c in cats) + " |")


def fmt_round(w, cpu):
    return f"{w.rps:,.0f}/s p50 {w.p50:.2f} p99 {w.p99:.1f} ms cpu {cpu:.3f} ms{w.errors()}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--apps", default=REPO, help="checkout whose packaged jars to run (default: this one)")
    ap.add_argument("--warmup", type=int, default=30, help="seconds of load per load before measuring (network x3)")
    ap.add_argument("--seconds", type=int, default=20, help="seconds per measured load")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--conns", type=int, default=16)
    ap.add_argument("--port-base", type=int, default=18900)
    ap.add_argument("--mode", action="append", default=[], metavar="NAME=FLAGS",
                    help="a JVM flag set (repeatable; replaces the default c1 and c2); the first is the baseline")
    ap.add_argument("--nmt", action="store_true",
                    help="at the end, each JVM's native memory by category (give the modes -XX:NativeMemoryTracking=summary)")
    ap.add_argument("--only", default="", help="comma-separated words: run only the loads whose name holds one")
    ap.add_argument("--db-pool", type=int, default=5,
                    help="each instance's reactive pool, at most this many PostgreSQL connections (the same in every mode): "
                         "max_connections (100 by default) is shared with the cloud, whose services hold 30-50; 0: the "
                         "services' own sizes (8-12 each)")
    ap.add_argument("--kinds", default="identity,gateway,network",
                    help=f"comma-separated JVMs to start per mode, of {','.join(ALL_MODULES)} (the gateway needs identity)")
    a = ap.parse_args()
    kinds = a.kinds.split(",")
    if set(kinds) - set(ALL_MODULES) or ("gateway" in kinds and "identity" not in kinds):
        ap.error(f"--kinds: of {','.join(ALL_MODULES)}; gateway only with identity")
    for kind in list(MODULES):
        if kind not in kinds:
            del MODULES[kind]
    modes = [tuple(m.split("=", 1)) for m in a.mode] or DEFAULT_MODES
    if a.db_pool:
        QUIET["QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE"] = str(a.db_pool)
    if any(len(m) != 2 or not m[0] for m in modes):
        ap.error("--mode NAME=FLAGS")
    for i in range(len(modes) * 10):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", a.port_base + i)) == 0:
                raise SystemExit(f"port {a.port_base + i} is taken (--port-base)")

    token, _, project = bench.Bench(types.SimpleNamespace(
        gateway=os.environ.get("OS_AUTH_URL", "http://127.0.0.1:8080/identity/v3").rsplit("/identity", 1)[0])
    ).admin_token()
    work = tempfile.mkdtemp(prefix="strato-jit-")
    jvms = {}

    def on_term(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    print(f"tests/bench/jit.py: {started}, nproc {os.cpu_count()}, load {load_avg()}, apps {a.apps}, "
          f"warm-up {a.warmup} s per load, {a.rounds} rounds of {a.seconds} s, c={a.conns}, "
          f"{f'pool of {a.db_pool} connections' if a.db_pool else 'the services own pools'}; logs in {work}", flush=True)
    try:
        apps = copy_apps(a.apps, work)
        own = {mode: copy_apps(mode_apps(flags), work, f"apps-{mode}") for mode, flags in modes if mode_apps(flags)}
        for i, (mode, flags) in enumerate(modes):
            print(f"mode {mode}: {flags}", flush=True)
            jvms[mode] = []
        # one JVM at a time, as deploy/local/strato up starts them (each waits for the one before to be ready), the
        # modes' order reversed for each module, so that a start's time is its own
        order = [m for m, _ in modes]
        for kind in MODULES:
            for mode in order:
                i = next(n for n, m in enumerate(modes) if m[0] == mode)
                j = start(kind, mode, modes[i][1], a.port_base + 10 * i, own.get(mode, apps), work)
                jvms[mode].append(j)
                j.wait_ready()
                print(f"  {mode} {j.kind}: ready in {j.ready_s:.1f} s on {j.port}, RSS {j.rss_ready:.0f} MB", flush=True)
            order.reverse()
        loads = {m: [ld for ld in loads_of(jvms[m], token, project)
                     if not a.only or any(w in ld.name for w in a.only.split(","))] for m, _ in modes}
        for mode, _ in modes:
            for ld in loads[mode]:
                left = a.warmup * (3 if ld.jvm.kind == "network" else 1)
                while left > 0:  # in pieces of 10 s: the warm-up curve shows when the JIT is done
                    s = min(10, left)
                    left -= s
                    w, cpu, _, _ = ld.run(s, a.conns)
                    print(f"  warm-up {mode} {ld.name} {s} s: {fmt_round(w, cpu)}  (load {load_avg()})", flush=True)
        for mode, _ in modes:
            for j in jvms[mode]:
                j.rss_warm, j.jit_warm = rss_mb(j.pid), compiler_seconds(j.pid)
        results = {}  # (load index, mode) -> [(Wrk, cpu, cpu behind)]
        loadavgs = []
        order = [m for m, _ in modes]
        for r in range(a.rounds):
            loadavgs.append(load_avg())
            print(f"round {r + 1} ({time.strftime('%H:%M:%S', time.gmtime())} UTC, load {loadavgs[-1]})", flush=True)
            for mode in order:
                for k, ld in enumerate(loads[mode]):
                    w, cpu, behind, pg = ld.run(a.seconds, a.conns)
                    results.setdefault((k, mode), []).append((w, cpu, behind, pg))
                    extra = (f", identity behind {behind:.3f} ms" if behind is not None else "") + f", PostgreSQL {pg:.3f} ms"
                    print(f"  {mode} {ld.name}: {fmt_round(w, cpu)}{extra}", flush=True)
            order.reverse()
        loadavgs.append(load_avg())
        ended = time.strftime("%H:%M:%S UTC", time.gmtime())
        print(f"\ntests/bench/jit.py {started} - {ended}, load at each round's start and at the end: "
              f"{' | '.join(loadavgs)}; wrk -t1 -c{a.conns}, {a.rounds} x {a.seconds} s after {a.warmup} s of warm-up "
              f"per load; median of the rounds (each round's req/s); ratio to {modes[0][0]}")
        print("| load | mode | req/s | p50 ms | p99 ms | CPU ms/request (behind) | PostgreSQL CPU ms/request | "
              "req/s each round | ratio |")
        print("|---|---|---|---|---|---|---|---|---|")
        first = loads[modes[0][0]]
        for k, ld in enumerate(first):
            base = statistics.median(x[0].rps for x in results[(k, modes[0][0])])
            for mode, _ in modes:
                rs = results[(k, mode)]
                rps = statistics.median(x[0].rps for x in rs)
                cpu = [x[1] for x in rs if x[1] == x[1]]  # nan: a round without answers
                behind = [x[2] for x in rs if x[2] is not None and x[2] == x[2]]
                cpu_s = (f"{statistics.median(cpu):.3f}" if cpu else "-") + (
                    f" ({statistics.median(behind):.3f})" if behind else "")
                errs = sum(x[0].bad + x[0].sock for x in rs)
                pg = [x[3] for x in rs if x[3] == x[3]]
                print(f"| {ld.name} | {mode} | {rps:,.0f} | {statistics.median(x[0].p50 for x in rs):.2f} | "
                      f"{statistics.median(x[0].p99 for x in rs):.1f} | {cpu_s} | "
                      f"{statistics.median(pg) if pg else float('nan'):.3f} | "
                      f"{' / '.join(f'{x[0].rps:,.0f}' for x in rs)}{f' ({errs} errors)' if errs else ''} | "
                      f"{rps / base if base else float('nan'):.2f} |")
        names = [ld.name for ld in first]
        pairs = [(kind, names.index(c), names.index(v)) for kind, (c, v) in PAIRS.items() if c in names and v in names]
        if pairs:
            print("\nauthenticated cheap GET / the same service's version document, same JVM, same round (issue 17's "
                  "goal >= 50 %); median of the rounds' ratios (each round's)")
            print("| service | mode | cheap GET req/s | version document req/s | ratio | ratio each round |")
            print("|---|---|---|---|---|---|")
            for kind, c, v in pairs:
                for mode, _ in modes:
                    rc, rv = results[(c, mode)], results[(v, mode)]
                    each = [x[0].rps / y[0].rps if y[0].rps else float("nan") for x, y in zip(rc, rv)]
                    print(f"| {MODULES[kind]} | {mode} | {statistics.median(x[0].rps for x in rc):,.0f} | "
                          f"{statistics.median(y[0].rps for y in rv):,.0f} | {statistics.median(each):.0%} | "
                          f"{' / '.join(f'{e:.0%}' for e in each)} |")
        print("\n| JVM | mode | ready s | RSS at ready MB | after warm-up MB | after the rounds MB | code cache used (max) MB | "
              "compiler threads CPU s (of which in the rounds) | process CPU s |")
        print("|---|---|---|---|---|---|---|---|---|")
        for kind in MODULES:
            for mode, _ in modes:
                j = next(x for x in jvms[mode] if x.kind == kind)
                used, max_used = code_cache_mb(j.pid)
                jit = compiler_seconds(j.pid)
                print(f"| {MODULES[kind]} | {mode} | {j.ready_s:.1f} | {j.rss_ready:.0f} | {j.rss_warm:.0f} | {rss_mb(j.pid):.0f} | "
                      f"{used:.1f} ({max_used:.1f}) | {jit:.1f} ({jit - j.jit_warm:.1f}) | {ticks(j.pid) / HZ:.1f} |")
        if a.nmt:
            nmt_table(jvms, modes)
        for mode, flags in modes:
            print(f"{mode}: {flags}")
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        for js in jvms.values():
            for j in js:
                j.stop()


if __name__ == "__main__":
    sys.exit(main())
