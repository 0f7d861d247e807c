#!/usr/bin/env python3
"""Issue 17's figures against the running local cloud, each beside its same-run baseline, in one table.

    deploy/local/strato bench [--only ROWS] [--seconds 4] [--image-mib 256] ...
    (or: eval "$(deploy/local/strato env)"; STRATO_STATE=... tests/bench/run.py)

Rows (--only takes a comma-separated list of these names):
  get      on each service, direct to its port, wrk at 16 connections: an authenticated cheap GET (compute
           /v2.1/flavors, network /v2.0/networks, volume /v3/{project}/types, image /v2/images, identity
           /v3/projects) against the same service's version document (goal: >= 50 % of its throughput)
  gateway  identity's version document through the gateway against the same request direct, 16 connections
           (goal: >= 70 % of the throughput, < 1 ms added at p50, < 2 ms at p99)
  tokens   POST /v3/auth/tokens through the gateway, methods token and application_credential at 16 connections
           (goal >= 1,000/s), password at 4 (bcrypt-bound: reported, no goal)
  ports    port create, 20 in flight, one project (goal p50 < 50 ms; no address handed out twice)
  burst    50 concurrent server creates on the simulated hosts (zone nova), with a flavor that fills them so that
           capacity binds: POST p95 < 200 ms, boot-to-ACTIVE (from each 202 to ACTIVE first seen, polled every
           0.25 s) p95 < 1.5 s, no host over capacity in any sample nor at the end
  image    upload and download of --image-mib MiB of random bytes through the gateway, against `dd conv=fdatasync`
           of the same file into the image store's directory (goal >= 50 % both ways; the issue's figure is for
           4 GiB: --image-mib 4096, which does not fit the 5 minutes)

Everything it makes (a project, user, network, ports, flavor, servers, images, an application credential, files)
is removed at the end, also after a failure. It starts and stops nothing, and refuses when no cloud answers.
The load generator is wrk (Debian package wrk; deploy/local/strato bench installs it when missing), with a 30 s
request timeout (its own 2 s counted slow password checks as socket errors). A wrk load is measured when at most
0.1 % of its answers are errors (not 2xx/3xx, or socket errors); errors are shown beside the figure. A port create
that fails is counted and shown in its row (whose goal then is not met), not a reason to drop the row.
Loopback URLs only. Exit status: 0 when every row was measured (goals are reported, not enforced), 1 otherwise.
"""
import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import strato_e2e as e2e  # noqa: E402  (the end-to-end tests' client, tenant and capacity checks)

ROWS = ("get", "gateway", "tokens", "ports", "burst", "image")
# deploy/local's ports (deploy/local/strato SERVICES)
DIRECT = {"identity": "http://127.0.0.1:5000", "compute": "http://127.0.0.1:8774",
          "network": "http://127.0.0.1:9696", "volume": "http://127.0.0.1:8776", "image": "http://127.0.0.1:9292"}
# service: (version document, authenticated cheap GET); {project} is the admin's project id
PATHS = {"compute": ("/v2.1", "/v2.1/flavors"), "network": ("/", "/v2.0/networks"),
         "volume": ("/v3", "/v3/{project}/types"), "image": ("/v2", "/v2/images"),
         "identity": ("/v3", "/v3/projects")}


def upload(url, token, fh, size):
    """PUT fh's size bytes to url in 64 KiB writes, as python-glanceclient sends image data (urllib's 8 KiB blocks
    made this script's own CPU a part of the figure)."""
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600, blocksize=64 * 1024)
    try:
        conn.request("PUT", u.path, body=fh, headers={"X-Auth-Token": token, "Content-Length": str(size),
                                                      "Content-Type": "application/octet-stream"})
        r = conn.getresponse()
        answer = r.read()
        if r.status >= 400:
            raise e2e.ApiError("PUT", url, r.status, answer.decode(errors="replace"))
    finally:
        conn.close()


class Table:
    """The one table: row, measured, same-run baseline, ratio, goal, verdict."""

    def __init__(self):
        self.rows = []

    def add(self, name, measured, baseline="-", ratio="-", goal="-", met=None):
        verdict = "-" if met is None else ("met" if met else "NOT met")
        self.rows.append((name, measured, baseline, ratio, goal, verdict))
        print(f"  {name}: {measured} | {baseline} | {ratio} | {verdict}", flush=True)

    def failed(self, name, why):
        self.rows.append((name, f"not measured: {why}", "-", "-", "-", "FAILED"))
        print(f"  {name}: FAILED {why}", flush=True)

    def render(self):
        head = ("row", "measured", "baseline (same run)", "ratio", "goal", "verdict")
        widths = [max(len(str(r[i])) for r in self.rows + [head]) for i in range(len(head))]
        line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
        return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in self.rows])


# ---------------------------------------------------------------- wrk

LUA_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %.3f %d %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


# most errors (answers not 2xx/3xx + socket errors) a wrk load may have and still count as measured
ERROR_SHARE = 0.001
# wrk's own default is 2 s: a request slower than that (a bcrypt password check on a loaded machine) was counted as a
# socket error and the row thrown away; latencies up to this are measured as latencies
WRK_TIMEOUT = "30s"


class Wrk:
    """One wrk load: rps, p50/p95/p99 in ms, requests, non-2xx/3xx answers, socket errors."""

    def __init__(self, rps, p50, p95, p99, n, bad, sock):
        self.rps, self.p50, self.p95, self.p99, self.n, self.bad, self.sock = rps, p50, p95, p99, n, bad, sock

    @staticmethod
    def parse(out):
        for line in out.splitlines():
            if line.startswith("RESULT "):
                f = line.split()
                return Wrk(float(f[1]), float(f[2]), float(f[3]), float(f[4]), int(f[5]), int(f[6]), int(f[7]))
        raise RuntimeError(f"no RESULT line in wrk's output: {out[-300:]!r}")

    def clean(self):
        """Measured: at least one answer, and errors (answers not 2xx/3xx, socket errors) at most ERROR_SHARE of
        them. One 5xx in thousands (a service's own hiccup, e.g. the gateway's 502 when an upstream closed a
        connection) is reported beside the figure, not a reason to throw the whole row away."""
        return self.n > 0 and self.bad + self.sock <= ERROR_SHARE * self.n

    def errors(self):
        """'' when there were none, else a note for the table."""
        return "" if self.bad == 0 and self.sock == 0 else f" ({self.why()})"

    def why(self):
        return f"{self.bad} answers not 2xx, {self.sock} socket errors of {self.n}"


def wrk(url, seconds, conns, warmup=1, method="GET", headers=None, body=None):
    """Runs wrk -t1 -cCONNS for WARMUP then SECONDS seconds; returns the measured Wrk."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(f'wrk.method = "{method}"\n')
        for k, v in (headers or {}).items():
            lua.write(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n")
        if body is not None:
            lua.write(f"wrk.body = [==[{json.dumps(body)}]==]\n")
        lua.write(LUA_DONE)
    try:
        argv = ["wrk", "-t1", f"-c{conns}", "--timeout", WRK_TIMEOUT, "-s", lua.name, url]
        if warmup:
            subprocess.run(argv[:3] + [f"-d{warmup}s"] + argv[3:], capture_output=True, timeout=warmup + 60)
        r = subprocess.run(argv[:3] + [f"-d{seconds}s"] + argv[3:], capture_output=True, text=True,
                           timeout=seconds + 60)
        if r.returncode != 0:
            raise RuntimeError(f"wrk {url}: exit {r.returncode}: {r.stderr.strip()[-300:]}")
        return Wrk.parse(r.stdout)
    finally:
        os.unlink(lua.name)


def status_of(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return None


def pct(x):
    return f"{100.0 * x:.0f} %"


# ---------------------------------------------------------------- rows

class Bench:
    def __init__(self, args):
        self.a = args
        self.t = Table()
        self.gateway = args.gateway.rstrip("/")
        self.cloud = None
        self.project = self.user = None
        self.tenant = None

    def admin_token(self):
        """The admin's project token, its user id and project id (password auth through the gateway)."""
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": os.environ["OS_USERNAME"], "domain": {"name": os.environ.get("OS_USER_DOMAIN_NAME", "Default")},
            "password": os.environ["OS_PASSWORD"]}}}, "scope": {"project": {
                "name": os.environ.get("OS_PROJECT_NAME", "admin"),
                "domain": {"name": os.environ.get("OS_PROJECT_DOMAIN_NAME", "Default")}}}}}
        _, b, h = e2e.call("POST", self.gateway + "/identity/v3/auth/tokens", body=body)
        return h["X-Subject-Token"], b["token"]["user"]["id"], b["token"]["project"]["id"]

    def setup(self):
        self.cloud = e2e.Cloud()
        self.token, self.user, self.project = self.admin_token()

    # get: authenticated cheap GET vs the version document, per service, direct
    def row_get(self):
        auth = {"X-Auth-Token": self.token, "Accept": "application/json"}
        for service in ("compute", "network", "volume", "image", "identity"):
            version, cheap = PATHS[service]
            base = self.a.direct[service]
            cheap = cheap.format(project=self.project)
            name = f"{service} GET {cheap.replace(self.project, '{project}')} (direct, c={self.a.conns})"
            try:
                v = wrk(base + version, self.a.seconds, self.a.conns)
                g = wrk(base + cheap, self.a.seconds, self.a.conns, headers=auth)
                if not (v.clean() and g.clean()):
                    self.t.failed(name, f"version document: {v.why()}; GET: {g.why()}")
                    continue
                self.t.add(name, f"{g.rps:,.0f}/s p50 {g.p50:.2f} ms{g.errors()}",
                           f"{version}: {v.rps:,.0f}/s p50 {v.p50:.2f} ms{v.errors()}",
                           pct(g.rps / v.rps), ">= 50 %", g.rps >= 0.5 * v.rps)
            except Exception as ex:  # noqa: BLE001 - one row's failure does not stop the others
                self.t.failed(name, repr(ex))

    # gateway: the same request through the gateway and direct
    def row_gateway(self):
        name = f"gateway: identity GET /v3 (c={self.a.conns})"
        try:
            direct = self.a.direct["identity"] + "/v3"
            via = self.gateway + "/identity/v3"
            d1 = wrk(direct, self.a.seconds, self.a.conns)
            g = wrk(via, self.a.seconds, self.a.conns)
            d2 = wrk(direct, self.a.seconds, self.a.conns, warmup=0)
            if not all(x.clean() for x in (d1, g, d2)):
                return self.t.failed(name, "; ".join(x.why() for x in (d1, g, d2)))
            rps, p50, p99 = (d1.rps + d2.rps) / 2, (d1.p50 + d2.p50) / 2, (d1.p99 + d2.p99) / 2
            self.t.add(name + " throughput", f"{g.rps:,.0f}/s{g.errors()}",
                       f"direct {rps:,.0f}/s (mean of before and after){d1.errors()}{d2.errors()}",
                       pct(g.rps / rps), ">= 70 %", g.rps >= 0.7 * rps)
            self.t.add(name + " p50", f"{g.p50:.2f} ms", f"direct {p50:.2f} ms", f"{g.p50 - p50:+.2f} ms",
                       "< +1 ms", g.p50 - p50 < 1.0)
            self.t.add(name + " p99", f"{g.p99:.2f} ms", f"direct {p99:.2f} ms", f"{g.p99 - p99:+.2f} ms",
                       "< +2 ms", g.p99 - p99 < 2.0)
        except Exception as ex:  # noqa: BLE001
            self.t.failed(name, repr(ex))

    # tokens: issue through the gateway
    def row_tokens(self):
        url = self.gateway + "/identity/v3/auth/tokens"
        hdr = {"Content-Type": "application/json"}
        cred = None
        try:
            _, b, _ = e2e.call("POST", f"{self.cloud.identity}/users/{self.user}/application_credentials", self.token,
                               {"application_credential": {"name": f"bench-{os.getpid()}-{int(time.time())}"}})
            cred = b["application_credential"]
            kinds = [
                ("token", {"auth": {"identity": {"methods": ["token"], "token": {"id": self.token}},
                                    "scope": {"project": {"id": self.project}}}}, self.a.conns, True),
                ("application_credential", {"auth": {"identity": {"methods": ["application_credential"],
                                                                  "application_credential": {
                                                                      "id": cred["id"], "secret": cred["secret"]}}}},
                 self.a.conns, True),
                ("password", {"auth": {"identity": {"methods": ["password"], "password": {"user": {
                    "id": self.user, "password": os.environ["OS_PASSWORD"]}}},
                    "scope": {"project": {"id": self.project}}}}, 4, False),
            ]
            for method, body, conns, goal in kinds:
                name = f"token issue, method {method} (gateway, c={conns})"
                try:
                    w = wrk(url, self.a.seconds, conns, method="POST", headers=hdr, body=body)
                    if not w.clean():
                        self.t.failed(name, w.why())
                    elif goal:
                        self.t.add(name, f"{w.rps:,.0f}/s p50 {w.p50:.1f} ms{w.errors()}", "-", "-", ">= 1,000/s",
                                   w.rps >= 1000)
                    else:
                        self.t.add(name, f"{w.rps:,.0f}/s p50 {w.p50:.1f} ms{w.errors()}", "-", "-",
                                   "bcrypt-bound: reported")
                except Exception as ex:  # noqa: BLE001
                    self.t.failed(name, repr(ex))
        except Exception as ex:  # noqa: BLE001
            self.t.failed("token issue", repr(ex))
        finally:
            if cred:
                e2e.quietly("application credential", lambda: e2e.call(
                    "DELETE", f"{self.cloud.identity}/users/{self.user}/application_credentials/{cred['id']}",
                    self.token))

    def ensure_tenant(self):
        if self.tenant is None:
            self.tenant = e2e.Tenant(self.cloud, "bench", e2e.Report("bench"), instances=self.a.servers + 10,
                                     cidr="10.79.0.0/22")
        return self.tenant

    # ports: 20 in flight, one project
    def row_ports(self):
        t = None
        try:
            t = self.ensure_tenant()
            if self.a.ports_quota is not None:
                e2e.call("PUT", f"{self.cloud.network}/quotas/{t.project}", self.cloud.admin,
                         {"quota": {"port": self.a.ports_quota}})
        except Exception as ex:  # noqa: BLE001
            return self.t.failed(f"port create, {self.a.port_concurrency} in flight, one project", repr(ex))
        # each --ports-url in turn (e.g. the cloud's own network-service and a second instance): same run, same project
        for url in self.a.ports_url or [self.cloud.network]:
            self.ports_at(url.rstrip("/"), t, "" if not self.a.ports_url else f" at {url}")

    def ports_at(self, net, t, where):
        quota = "" if self.a.ports_quota is None else f", port quota {self.a.ports_quota}"
        name = f"port create, {self.a.port_concurrency} in flight, one project (n={self.a.ports}{quota}){where}"
        made = []
        try:
            def create(i):
                t0 = e2e.now()
                try:
                    _, b, _ = e2e.call("POST", net + "/ports", t.token, {"port": {"network_id": t.network,
                                                                                  "name": f"bench-{i}"}})
                except e2e.ApiError as ex:  # counted and shown: one 5xx does not hide the other 199 figures
                    return e2e.now() - t0, None, ex.status
                return e2e.now() - t0, b["port"]["id"], b["port"]["fixed_ips"][0]["ip_address"]

            first = create(-1)  # the project's default security group, made on its first port
            if first[1] is not None:
                made.append(first[1])
            results = e2e.parallel(create, range(self.a.ports), self.a.port_concurrency)
            done = [d for d in results if d[1] is not None]
            failed = sorted(str(d[2]) for d in results if d[1] is None)
            made += [d[1] for d in done]
            if not done:
                return self.t.failed(name, f"every create failed: {', '.join(failed)}")
            ms = [d[0] * 1000 for d in done]
            p50 = e2e.pct(ms, 50)
            distinct = len({d[2] for d in done})
            note = f", {len(failed)} failed ({', '.join(failed)})" if failed else ""
            self.t.add(name, f"p50 {p50:.0f} ms, p95 {e2e.pct(ms, 95):.0f} ms{note}", "-", "-",
                       "p50 < 50 ms, none failed", p50 < 50 and not failed)
            self.t.add("port create: addresses" + where, f"{distinct} distinct of {len(done)}", "-", "-",
                       "no address twice", distinct == len(done))
        except Exception as ex:  # noqa: BLE001
            self.t.failed(name, repr(ex))
        finally:
            e2e.parallel(lambda p: e2e.quietly("port", lambda: e2e.call(
                "DELETE", f"{net}/ports/{p}", t.token)), made, 8)

    # burst: N concurrent server creates filling the simulated hosts
    def row_burst(self):
        n = self.a.servers
        name = f"{n} concurrent server creates (zone {e2e.ZONE})"
        try:
            t = self.ensure_tenant()
            if not e2e.only_agent_hosts(self.cloud, t.report):
                return self.t.failed(name, "a compute host without a deploy/local agent is up")
            hosts = e2e.compute_hosts_up(self.cloud)
            if not hosts:
                return self.t.failed(name, f"no compute host up in zone {e2e.ZONE}")
            hyps = self.cloud.hypervisors()
            free = {h: hyps[h]["memory_mb"] * e2e.RAM_RATIO - hyps[h]["memory_mb_used"] for h in hosts}
            ram = fill_ram(free, n)
            if ram < 64:
                return self.t.failed(name, f"the hosts' free RAM {free} MB does not hold {n} servers of 64 MB")
            flavor = t.make_flavor(ram)
            over_seen, stop = [], threading.Event()

            def sample():
                while not stop.is_set():
                    e2e.quietly("capacity sample", lambda: over_seen.extend(
                        e2e.over_capacity(self.cloud.hypervisors(), hosts)))
                    stop.wait(1.0)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            answered = {}

            def create(i):
                sid, took = t.create_server(f"bench-{i:02d}", flavor["id"])
                answered[sid] = e2e.now()
                return sid, took

            results = e2e.parallel(create, range(n), n)
            post = [took * 1000 for _, took in results]
            active, states = {}, {}
            deadline = e2e.now() + self.a.boot_timeout
            while len(active) < n and e2e.now() < deadline:
                seen = t.servers()
                for sid in answered:
                    s = seen.get(sid)
                    if s and s["status"] == "ACTIVE" and sid not in active:
                        active[sid] = e2e.now() - answered[sid]
                    states[sid] = s["status"] if s else "gone"
                if any(v == "ERROR" for v in states.values()):
                    break
                time.sleep(0.25)
            stop.set()
            sampler.join(5)
            over_seen.extend(e2e.over_capacity(self.cloud.hypervisors(), hosts))
            self.t.add(f"{name}: POST", f"p95 {e2e.pct(post, 95):.0f} ms (p50 {e2e.pct(post, 50):.0f})", "-", "-",
                       "p95 < 200 ms", e2e.pct(post, 95) < 200)
            if len(active) < n:
                counts = {}
                for v in states.values():
                    counts[v] = counts.get(v, 0) + 1
                self.t.failed(f"{name}: boot-to-ACTIVE", f"{len(active)} of {n} ACTIVE: {counts}")
            else:
                boot = list(active.values())
                self.t.add(f"{name}: boot-to-ACTIVE", f"p95 {e2e.pct(boot, 95):.2f} s (p50 {e2e.pct(boot, 50):.2f})",
                           "-", "-", "p95 < 1.5 s", e2e.pct(boot, 95) < 1.5)
            self.t.add(f"{name}: overbooking", f"{len(over_seen)} hosts over capacity (flavor {ram} MB fills "
                       f"{len(hosts)} hosts)", "-", "-", "none", not over_seen)
        except Exception as ex:  # noqa: BLE001
            self.t.failed(name, repr(ex))

    # image: upload and download through the gateway vs dd conv=fdatasync to the store's disk
    def row_image(self):
        mib = self.a.image_mib
        name = f"image {mib} MiB through the gateway"
        store = os.path.join(e2e.STATE, "images")
        image = None
        tmp = tempfile.mkdtemp(prefix="strato-bench-")
        try:
            if not os.path.isdir(store):
                return self.t.failed(name, f"no image store at {store} (STRATO_STATE of the running cloud?)")
            need = mib * 2 * 1024 * 1024 + (1 << 30)
            if shutil.disk_usage(store).free < need or shutil.disk_usage(tmp).free < need // 2:
                return self.t.failed(name, f"not enough free disk for {mib} MiB twice in {store} and once in {tmp}")
            src = os.path.join(tmp, "image.raw")
            subprocess.run(["dd", "if=/dev/urandom", f"of={src}", "bs=1M", f"count={mib}", "status=none"], check=True)
            size = os.path.getsize(src)
            target = os.path.join(store, f".bench-dd-{os.getpid()}")
            try:
                t0 = e2e.now()
                subprocess.run(["dd", f"if={src}", f"of={target}", "bs=16M", "conv=fdatasync", "status=none"],
                               check=True)
                dd = size / (e2e.now() - t0) / 2**20
            finally:
                if os.path.exists(target):
                    os.unlink(target)
            tok = self.token
            _, b, _ = e2e.call("POST", self.gateway + "/image/v2/images", tok, {
                "name": f"bench-{os.getpid()}", "disk_format": "raw", "container_format": "bare"})
            image = b["id"]
            with open(src, "rb") as fh:
                t0 = e2e.now()
                upload(f"{self.gateway}/image/v2/images/{image}/file", tok, fh, size)
                up = size / (e2e.now() - t0) / 2**20
            req = urllib.request.Request(f"{self.gateway}/image/v2/images/{image}/file", headers={"X-Auth-Token": tok})
            t0 = e2e.now()
            got = 0
            with urllib.request.urlopen(req, timeout=600) as r:
                while True:
                    chunk = r.read(1 << 20)
                    if not chunk:
                        break
                    got += len(chunk)
            down = size / (e2e.now() - t0) / 2**20
            if got != size:
                return self.t.failed(name, f"downloaded {got} bytes of {size}")
            base = f"dd conv=fdatasync to the store's disk {dd:,.0f} MiB/s"
            self.t.add(f"{name}: upload", f"{up:,.0f} MiB/s", base, pct(up / dd), ">= 50 %", up >= 0.5 * dd)
            self.t.add(f"{name}: download", f"{down:,.0f} MiB/s", base, pct(down / dd), ">= 50 %", down >= 0.5 * dd)
        except Exception as ex:  # noqa: BLE001
            self.t.failed(name, repr(ex))
        finally:
            if image:
                e2e.quietly("image", lambda: e2e.call("DELETE", f"{self.gateway}/image/v2/images/{image}", self.token))
            shutil.rmtree(tmp, ignore_errors=True)


def fill_ram(free, n):
    """The largest flavor RAM (MB) of which the hosts' free RAM ({host: MB}) holds n servers, so that they fill
    the hosts and the scheduler's concurrent claims compete for the last room (0 when not even 1 MB fits)."""
    ram = int(sum(free.values()) // n)
    while ram > 0 and sum(int(f // ram) for f in free.values()) < n:
        ram -= 1
    return ram


def refuse_without_cloud(a):
    """Exits with a clear message when the gateway or a needed service does not answer."""
    if not os.environ.get("OS_AUTH_URL") or not os.environ.get("OS_PASSWORD"):
        sys.exit('bench: no OS_* credentials: run it as `deploy/local/strato bench` (or eval "$(deploy/local/strato '
                 'env)" first)')
    for url in [a.gateway] + list(a.direct.values()) + a.ports_url:
        if not url.startswith(("http://127.", "http://localhost")):
            sys.exit(f"bench: refusing non-loopback URL {url}")
    if status_of(a.gateway + "/") is None:
        sys.exit(f"bench: no cloud is up: the gateway at {a.gateway} does not answer. Start one with "
                 "`deploy/local/strato up` (the bench starts nothing).")
    needed = set(a.direct) if "get" in a.only else {"identity"} if "gateway" in a.only else set()
    down = [s for s in sorted(needed) if status_of(a.direct[s] + PATHS[s][0]) is None]
    if down:
        sys.exit(f"bench: the cloud is not all up: {', '.join(down)} do not answer on "
                 f"{', '.join(a.direct[s] for s in down)} (deploy/local/strato status)")
    if shutil.which("wrk") is None:
        sys.exit("bench: wrk is missing: apt-get install -y wrk (deploy/local/strato bench installs it)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default=",".join(ROWS), help=f"rows to run, of {','.join(ROWS)}")
    ap.add_argument("--seconds", type=int, default=4, help="wrk measurement per target (after 1 s of warm-up)")
    ap.add_argument("--conns", type=int, default=16, help="wrk connections for get, gateway and tokens")
    ap.add_argument("--ports", type=int, default=200)
    ap.add_argument("--port-concurrency", type=int, default=20)
    ap.add_argument("--ports-url", action="append", default=[], metavar="URL",
                    help="network API base URL for the ports row instead of the gateway's /networking/v2.0 (e.g. "
                         "http://127.0.0.1:9696/v2.0); repeated, the row runs at each in turn, in the same run")
    ap.add_argument("--ports-quota", type=int, default=None, metavar="N",
                    help="the ports row's project gets port quota N (default: unlimited, -1)")
    ap.add_argument("--servers", type=int, default=50)
    ap.add_argument("--boot-timeout", type=float, default=120)
    ap.add_argument("--image-mib", type=int, default=256)
    ap.add_argument("--gateway", default=os.environ.get("OS_AUTH_URL", "http://127.0.0.1:8080/identity/v3")
                    .rsplit("/identity", 1)[0])
    ap.add_argument("--direct", action="append", default=[], metavar="SERVICE=URL",
                    help="a service's own base URL instead of deploy/local's port")
    a = ap.parse_args()
    a.only = [r.strip() for r in a.only.split(",") if r.strip()]
    unknown = [r for r in a.only if r not in ROWS]
    if unknown:
        ap.error(f"unknown rows {unknown}; rows: {','.join(ROWS)}")
    direct = dict(DIRECT)
    for d in a.direct:
        k, _, v = d.partition("=")
        if k not in DIRECT or not v:
            ap.error(f"--direct {d}: SERVICE=URL with SERVICE one of {','.join(DIRECT)}")
        direct[k] = v.rstrip("/")
    a.direct = direct
    refuse_without_cloud(a)

    t0 = e2e.now()
    b = Bench(a)
    print(f"strato bench: {', '.join(a.only)}; {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, nproc {os.cpu_count()}, "
          f"load {open('/proc/loadavg').read().split()[0:3]}", flush=True)
    try:
        if set(a.only) - {"gateway"}:  # the gateway row needs no credentials (a version document)
            b.setup()
        for row in ROWS:
            if row in a.only:
                print(f"== {row} ({e2e.now() - t0:.0f} s)", flush=True)
                getattr(b, f"row_{row}")()
    finally:
        if b.tenant:
            b.tenant.cleanup()
    print(f"\nstrato bench, {e2e.now() - t0:.0f} s, load after {open('/proc/loadavg').read().split()[0:3]}:\n")
    print(b.t.render())
    return 1 if any(r[5] == "FAILED" for r in b.t.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
