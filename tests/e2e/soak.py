#!/usr/bin/env python3
"""The soak (issue 16): a mixed workload at a steady rate for --minutes; the cloud's JVMs must keep their resident
memory flat, answer no 5xx, and keep their p99 latency.

    eval "$(deploy/local/strato env)"; tests/e2e/soak.py [--minutes 30] [--rate 10] [--report soak.json]
    tests/e2e/soak.py --minutes 2 --rate 5           # a quick check (windows shortened, see below)

The load is open-loop: operation i is due at start + i/rate and is handed to a pool of 64 threads at that moment,
whatever the earlier ones are doing, and its latency is counted from when it was due, not from when a thread took
it, so a slow cloud shows as latency instead of a slower rate (no coordinated omission). Each operation is one
HTTP request through the gateway, as the member of a project of its own (soak-tenant-<run>, with its user, network
and image: strato_e2e.Tenant), its class drawn by a seeded weight (percent):

  8 each  get.flavors (compute), get.networks, get.volume_types, get.images, get.projects (identity, the admin's
          token: GET /v3/projects as tests/bench's cheap GET)
  5       token.token: POST /v3/auth/tokens, method token (the member's token re-scoped)
  2       token.password: POST /v3/auth/tokens, method password (bcrypt-bound; the new token becomes the member's)
  15      network cycle: network, subnet, port created, then port, subnet, network deleted (one step per tick)
  10      security-group cycle: group, a tcp and a udp rule created, both rules and the group deleted
  8       volume cycle: a 1 GB volume created, polled (volume.show, 1 s apart) until available, deleted, polled to 404
  8       image cycle: image created, 4 KiB of random bytes uploaded, downloaded (must be the same bytes), deleted
  12      server cycle: m1.tiny server created in zone STRATO_E2E_ZONE (default nova: the simulated hosts, never
          the real QEMU host), polled 2 s apart until ACTIVE or ERROR, deleted, polled until 404

A cycle family runs one step of one of its idle cycles per tick (at most 3 cycles in flight per family, 2 for
images and security groups); when every cycle of the family is busy or waiting for its next poll, the tick is a
cheap GET instead (counted as a fallback). Everything made is named soak-*; on the end of the run, Ctrl-C or
SIGTERM the cycles in flight are finished (servers and volumes polled until gone), the project is swept (servers,
volumes, images, ports, subnets, networks, security groups) and deleted, and the cloud is searched for anything
named soak-* or belonging to the project.

Every minute: each JVM's RSS (VmRSS of the pids deploy/local wrote in $STRATO_STATE: the services, the agents and
Kafka; the state directory is found from the running gateway's jar when STRATO_STATE is not set), the load average,
and per operation class in the minute (by due time): count, p50, p99, 5xx and other unexpected answers.

Verdicts (exit 1 when one fails), with W = --warmup (5) and K = --window (5) minutes:
  - RSS: every JVM's every sample in the last K minutes within +-10% (--rss-tolerance) of the mean of its samples
    in the baseline window after warm-up (samples at the ends of minutes W+1..W+K and M-K+1..M of a run of M
    minutes: 6-10 and 26-30 by default), and the same pid throughout;
  - no 5xx; no other unexpected answer (a 4xx the step does not expect, no answer, a download with other bytes);
  - latency, per operation class and for all operations together: the last K minutes' p99 <= --p99-factor (2) x
    the baseline window's p99, or at most --p99-slack-ms (50) above it (on 2 cores at load 10 a thread waits tens
    of ms for a core: a 28 -> 57 ms change is that, not a trend); a class with fewer than 100 answers in either
    window is judged by its p90 instead (a nearest-rank p99 of fewer than 100 answers is its single slowest one),
    one with fewer than 20 is shown but not judged (a quick run's create and delete classes);
  - no server stuck: each one created reached ACTIVE or ERROR within the build timeout and was gone after its delete;
  - nothing left: no resource named soak-* and none of the project, anywhere.
--report FILE writes the configuration, the per-minute samples, the verdicts, every operation (class, due time,
latency, service time, status, outcome) and the servers' fates as JSON.
When --minutes < W + 2K the windows shrink (K = max(1, minutes // 3), W = min(W, minutes - 2K)): a quick check,
whose RSS verdict then includes the JVMs' warm-up.
"""
import argparse
import collections
import concurrent.futures as cf
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
import strato_e2e as e2e  # noqa: E402

WEIGHTS = [("get.flavors", 8), ("get.networks", 8), ("get.volume_types", 8), ("get.images", 8),
           ("get.projects", 8), ("token.token", 5), ("token.password", 2), ("network", 15), ("secgroup", 10),
           ("volume", 8), ("image", 8), ("server", 12)]
GETS = ("get.flavors", "get.networks", "get.volume_types", "get.images", "get.projects")
CAPS = {"network": 3, "secgroup": 2, "volume": 3, "image": 2, "server": 3}
POLL = {"volume": 1.0, "server": 2.0}
VOLUME_TIMEOUT = 180.0  # seconds for a volume to become available or to go after its delete
SERVER_GONE_TIMEOUT = 300.0
FLAVOR = os.environ.get("STRATO_E2E_SOAK_FLAVOR", "m1.tiny")
PREFIX = "soak"
ALL = "(all operations)"
MIN_P99 = 100  # answers in each window for a class's p99 to be more than its slowest answer
MIN_JUDGED = 20  # answers in each window for a class's latency to be judged at all (a quick run's classes are not)


class StepFailed(Exception):
    """An answer the step did not expect (already recorded): the cycle is abandoned and swept at the end."""


# ---------------------------------------------------------------- the cloud's JVMs

def find_state():
    """deploy/local's state directory of the running cloud: $STRATO_STATE, else this repo's .strato when its gateway
    runs, else the .strato beside the jar of the java process running a gateway (a cloud started from another
    checkout, as /tmp/cloud/main)."""
    if os.environ.get("STRATO_STATE"):
        return e2e.STATE
    if e2e.pid_of("gateway"):
        return e2e.STATE
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            argv = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace").split("\0")
        except OSError:
            continue
        for a in argv:
            if a.endswith("/gateway/target/quarkus-app/quarkus-run.jar"):
                state = os.path.join(a[: -len("/gateway/target/quarkus-app/quarkus-run.jar")], ".strato")
                try:
                    if int(open(os.path.join(state, "gateway.pid")).read().strip()) == int(pid):
                        return state
                except (OSError, ValueError):
                    pass
    return e2e.STATE


def jvms(state):
    """{name: pid} of every live java process deploy/local wrote a pid file for (services, agents, Kafka)."""
    out = {}
    for f in sorted(os.listdir(state)) if os.path.isdir(state) else []:
        if not f.endswith(".pid") or f == "test-kafka.pid":
            continue
        try:
            pid = int(open(os.path.join(state, f)).read().strip())
            exe = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")[0]
        except (OSError, ValueError):
            continue
        if exe.endswith(b"java"):
            out[f[:-4]] = pid
    return out


def rss_kb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def other_load():
    """What else runs on the machine: (java processes not of the cloud, processes whose command mentions tempest)."""
    java = tempest = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            argv = open(f"/proc/{pid}/cmdline", "rb").read()
        except OSError:
            continue
        if argv.split(b"\0")[0].endswith(b"java"):
            java += 1
        if b"tempest" in argv or b"stestr" in argv:
            tempest += 1
    return java, tempest


# ---------------------------------------------------------------- recording

class Recorder:
    """Every operation of the load: class, due time (s after the start), latency from due time, service time
    (from the moment a thread sent it), HTTP status or None, outcome ok | 5xx | unexpected."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ops = []
        self.bad = []  # (t, class, status, detail) of every answer that was not ok

    def add(self, cls, due, latency, service, status, outcome, detail=""):
        with self.lock:
            self.ops.append((cls, due, latency, service, status, outcome))
            if outcome != "ok":
                self.bad.append((round(due, 1), cls, status, detail[:300]))
                if len(self.bad) <= 20:
                    e2e.log(f"{outcome}: {cls} at +{due:.1f}s: {status} {detail[:200]}")

    def snapshot(self):
        with self.lock:
            return list(self.ops)


def window_stats(ops, t_from, t_to):
    """{class: {n, p50, p99, max (ms), 5xx, unexpected}} of the operations due within [t_from, t_to) s."""
    by = collections.defaultdict(list)
    for op in ops:
        if t_from <= op[1] < t_to:
            by[op[0]].append(op)
    out = {}
    for cls, rows in sorted(by.items()):
        lat = [r[2] * 1000 for r in rows]
        out[cls] = {"n": len(rows), "p50": round(e2e.pct(lat, 50), 1), "p90": round(e2e.pct(lat, 90), 1),
                    "p99": round(e2e.pct(lat, 99), 1),
                    "max": round(max(lat), 1), "5xx": sum(1 for r in rows if r[5] == "5xx"),
                    "unexpected": sum(1 for r in rows if r[5] == "unexpected")}
    return out


# ---------------------------------------------------------------- the workload

class Cycle:
    def __init__(self, family, k):
        self.family, self.k = family, k
        self.step = 0
        self.busy = False
        self.not_before = 0.0
        self.since = e2e.now()  # when the current wait (build, available, gone) began
        self.res = {}


class Family:
    """The cycles of one kind; take() hands out one idle, due cycle (a new one while below the cap)."""

    def __init__(self, name, steps, cap):
        self.name, self.steps, self.cap = name, steps, cap
        self.cycles = []
        self.lock = threading.Lock()
        self.started = self.finished = self.abandoned = self.fallbacks = 0

    def take(self, draining=False):
        t = e2e.now()
        with self.lock:
            for c in self.cycles:
                if not c.busy and c.not_before <= t:
                    c.busy = True
                    return c
            if not draining and len(self.cycles) < self.cap:
                c = Cycle(self, self.started)
                self.started += 1
                c.busy = True
                self.cycles.append(c)
                return c
            if not draining:
                self.fallbacks += 1
        return None

    def done(self, c, abandoned=False):
        with self.lock:
            self.cycles.remove(c)
            if abandoned:
                self.abandoned += 1
            else:
                self.finished += 1


class Soak:
    def __init__(self, cloud, tenant, args, rec):
        self.cloud, self.t, self.args, self.rec = cloud, tenant, args, rec
        self.rng = random.Random(args.seed)
        self.volume = f"{cloud.identity.rsplit('/identity', 1)[0]}/volume/v3/{tenant.project}"
        _, fl, _ = e2e.call("GET", cloud.compute + "/flavors", tenant.token)
        self.flavor = next(f["id"] for f in fl["flavors"] if f["name"] == FLAVOR)
        self.token = tenant.token
        self.t0 = None
        self.late = []  # each due operation's start lag (s)
        self.servers = {}  # id: {"created", "active", "error", "gone", "stuck", "boot"}
        self.slock = threading.Lock()
        self.families = {
            "network": Family("network", [self.net_create, self.subnet_create, self.port_create, self.port_delete,
                                          self.subnet_delete, self.net_delete], CAPS["network"]),
            "secgroup": Family("secgroup", [self.sg_create, self.rule_tcp, self.rule_udp, self.rule_delete,
                                            self.rule_delete, self.sg_delete], CAPS["secgroup"]),
            "volume": Family("volume", [self.volume_create, self.volume_available, self.volume_delete,
                                        self.volume_gone], CAPS["volume"]),
            "image": Family("image", [self.image_create, self.image_upload, self.image_download, self.image_delete],
                            CAPS["image"]),
            "server": Family("server", [self.server_create, self.server_settled, self.server_delete,
                                        self.server_gone], CAPS["server"]),
        }
        self.names, weights = zip(*WEIGHTS)
        self.cum = []
        total = 0
        for w in weights:
            total += w
            self.cum.append(total)

    # ---- one request, recorded
    def req(self, cls, due, method, url, token=None, body=None, raw=None, expect=(200,)):
        started = e2e.now()
        status, b, detail = None, None, ""
        try:
            status, b, _ = e2e.call(method, url, token or self.token, body, raw=raw, timeout=120)
        except e2e.ApiError as ex:
            status, detail = ex.status, ex.body
        except Exception as ex:  # noqa: BLE001 - no answer (refused, cut, timed out): unexpected
            detail = repr(ex)
        end = e2e.now()
        outcome = "ok" if status in expect else ("5xx" if status and status >= 500 else "unexpected")
        self.rec.add(cls, due - self.t0, end - due, end - started, status, outcome, detail)
        if outcome != "ok":
            raise StepFailed(f"{cls}: {status} {detail[:200]}")
        return status, b

    def download(self, cls, due, url, want):
        started = e2e.now()
        status, detail, data = None, "", None
        req = urllib.request.Request(url, headers={"X-Auth-Token": self.token})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                status, data = r.status, r.read()
        except urllib.error.HTTPError as ex:
            status, detail = ex.code, ex.read().decode(errors="replace")
        except Exception as ex:  # noqa: BLE001
            detail = repr(ex)
        end = e2e.now()
        outcome = "ok" if status == 200 and data == want else (
            "5xx" if status and status >= 500 else "unexpected")
        if status == 200 and data != want:
            detail = f"downloaded {len(data)} bytes, not the {len(want)} uploaded"
        self.rec.add(cls, due - self.t0, end - due, end - started, status, outcome, detail)
        if outcome != "ok":
            raise StepFailed(f"{cls}: {status} {detail[:200]}")

    # ---- single requests
    def get(self, cls, due):
        c = self.cloud
        url, token = {"get.flavors": (c.compute + "/flavors", None), "get.networks": (c.network + "/networks", None),
                      "get.volume_types": (self.volume + "/types", None), "get.images": (c.image + "/images", None),
                      "get.projects": (c.identity + "/projects", c.admin)}[cls]
        self.req(cls, due, "GET", url, token)

    def token_op(self, cls, due):
        if cls == "token.password":
            auth = {"identity": {"methods": ["password"], "password": {"user": {
                "name": self.t.name, "domain": {"name": "Default"}, "password": self.t.password}}}}
        else:
            auth = {"identity": {"methods": ["token"], "token": {"id": self.token}}}
        auth["scope"] = {"project": {"id": self.t.project}}
        started = e2e.now()
        status, detail, token = None, "", None
        try:
            status, _, h = e2e.call("POST", self.cloud.identity + "/auth/tokens", body={"auth": auth}, timeout=120)
            token = h.get("X-Subject-Token")
        except e2e.ApiError as ex:
            status, detail = ex.status, ex.body
        except Exception as ex:  # noqa: BLE001
            detail = repr(ex)
        end = e2e.now()
        ok = status == 201 and token
        outcome = "ok" if ok else ("5xx" if status and status >= 500 else "unexpected")
        self.rec.add(cls, due - self.t0, end - due, end - started, status, outcome, detail)
        if ok and cls == "token.password":
            self.token = token

    # ---- network cycle
    def name(self, c, what):
        return f"{self.t.name}-{what}-{c.k}"

    def net_create(self, c, due):
        _, b = self.req("network.create", due, "POST", self.cloud.network + "/networks",
                        body={"network": {"name": self.name(c, "net")}}, expect=(201,))
        c.res["network"] = b["network"]["id"]

    def subnet_create(self, c, due):
        _, b = self.req("subnet.create", due, "POST", self.cloud.network + "/subnets", body={"subnet": {
            "network_id": c.res["network"], "ip_version": 4, "cidr": f"10.201.{c.k % 256}.0/24",
            "name": self.name(c, "subnet")}}, expect=(201,))
        c.res["subnet"] = b["subnet"]["id"]

    def port_create(self, c, due):
        _, b = self.req("port.create", due, "POST", self.cloud.network + "/ports", body={"port": {
            "network_id": c.res["network"], "name": self.name(c, "port")}}, expect=(201,))
        c.res["port"] = b["port"]["id"]

    def port_delete(self, c, due):
        self.req("port.delete", due, "DELETE", f"{self.cloud.network}/ports/{c.res['port']}", expect=(204,))

    def subnet_delete(self, c, due):
        self.req("subnet.delete", due, "DELETE", f"{self.cloud.network}/subnets/{c.res['subnet']}", expect=(204,))

    def net_delete(self, c, due):
        self.req("network.delete", due, "DELETE", f"{self.cloud.network}/networks/{c.res['network']}", expect=(204,))

    # ---- security-group cycle
    def sg_create(self, c, due):
        _, b = self.req("secgroup.create", due, "POST", self.cloud.network + "/security-groups", body={
            "security_group": {"name": self.name(c, "sg"), "description": "soak"}}, expect=(201,))
        c.res["sg"] = b["security_group"]["id"]
        c.res["rules"] = []

    def rule(self, c, due, protocol):
        port = 1000 + c.k % 60000
        _, b = self.req("secgroup_rule.create", due, "POST", self.cloud.network + "/security-group-rules", body={
            "security_group_rule": {"security_group_id": c.res["sg"], "direction": "ingress", "ethertype": "IPv4",
                                    "protocol": protocol, "port_range_min": port, "port_range_max": port,
                                    "remote_ip_prefix": "10.0.0.0/8"}}, expect=(201,))
        c.res["rules"].append(b["security_group_rule"]["id"])

    def rule_tcp(self, c, due):
        self.rule(c, due, "tcp")

    def rule_udp(self, c, due):
        self.rule(c, due, "udp")

    def rule_delete(self, c, due):
        rid = c.res["rules"][0]
        self.req("secgroup_rule.delete", due, "DELETE", f"{self.cloud.network}/security-group-rules/{rid}",
                 expect=(204,))
        c.res["rules"].pop(0)

    def sg_delete(self, c, due):
        self.req("secgroup.delete", due, "DELETE", f"{self.cloud.network}/security-groups/{c.res['sg']}",
                 expect=(204,))

    # ---- volume cycle
    def volume_create(self, c, due):
        _, b = self.req("volume.create", due, "POST", self.volume + "/volumes", body={"volume": {
            "size": 1, "name": self.name(c, "volume")}}, expect=(202,))
        c.res["volume"] = b["volume"]["id"]
        c.since = e2e.now()

    def volume_available(self, c, due):
        _, b = self.req("volume.show", due, "GET", f"{self.volume}/volumes/{c.res['volume']}")
        st = b["volume"]["status"]
        if st == "available":
            return "next"
        if st == "error" or e2e.now() - c.since > VOLUME_TIMEOUT:
            e2e.log(f"volume {c.res['volume']} {st} after {e2e.now() - c.since:.0f}s")
            raise StepFailed(f"volume {st}")
        return "again"

    def volume_delete(self, c, due):
        self.req("volume.delete", due, "DELETE", f"{self.volume}/volumes/{c.res['volume']}", expect=(202,))
        c.since = e2e.now()

    def volume_gone(self, c, due):
        st, b = self.req("volume.show", due, "GET", f"{self.volume}/volumes/{c.res['volume']}", expect=(200, 404))
        if st == 404:
            return "next"
        if b["volume"]["status"] == "error_deleting" or e2e.now() - c.since > VOLUME_TIMEOUT:
            e2e.log(f"volume {c.res['volume']} {b['volume']['status']} {e2e.now() - c.since:.0f}s after its delete")
            raise StepFailed("volume not gone")
        return "again"

    # ---- image cycle
    def image_create(self, c, due):
        _, b = self.req("image.create", due, "POST", self.cloud.image + "/images", body={
            "name": self.name(c, "image"), "disk_format": "raw", "container_format": "bare",
            "visibility": "private"}, expect=(201,))
        c.res["image"] = b["id"]

    def image_upload(self, c, due):
        c.res["bytes"] = os.urandom(4096)
        self.req("image.upload", due, "PUT", f"{self.cloud.image}/images/{c.res['image']}/file", raw=c.res["bytes"],
                 expect=(204,))

    def image_download(self, c, due):
        self.download("image.download", due, f"{self.cloud.image}/images/{c.res['image']}/file", c.res["bytes"])

    def image_delete(self, c, due):
        self.req("image.delete", due, "DELETE", f"{self.cloud.image}/images/{c.res['image']}", expect=(204,))

    # ---- server cycle
    def server_create(self, c, due):
        _, b = self.req("server.create", due, "POST", self.cloud.compute + "/servers", body={"server": {
            "name": self.name(c, "server"), "imageRef": self.t.image, "flavorRef": self.flavor,
            "availability_zone": e2e.ZONE, "networks": [{"uuid": self.t.network}]}}, expect=(202,))
        sid = b["server"]["id"]
        c.res["server"] = sid
        c.since = e2e.now()
        with self.slock:
            self.servers[sid] = {"name": self.name(c, "server"), "state": "BUILD", "boot": None, "gone": False,
                                 "stuck": None}

    def server_settled(self, c, due):
        sid = c.res["server"]
        _, b = self.req("server.show", due, "GET", f"{self.cloud.compute}/servers/{sid}")
        s = b["server"]
        if s["status"] in ("ACTIVE", "ERROR"):
            with self.slock:
                self.servers[sid].update(state=s["status"], boot=round(e2e.now() - c.since, 2),
                                         host=s.get("OS-EXT-SRV-ATTR:host"),
                                         fault=(s.get("fault") or {}).get("message"))
            if s["status"] == "ERROR":
                e2e.log(f"server {sid} ERROR: {(s.get('fault') or {}).get('message')}")
            return "next"
        if e2e.now() - c.since > e2e.BUILD_TIMEOUT + 60:
            with self.slock:
                self.servers[sid].update(state=s["status"], stuck=f"{s['status']}/{s.get('OS-EXT-STS:task_state')} "
                                                                   f"{e2e.now() - c.since:.0f}s after its create")
            raise StepFailed(f"server {sid} still {s['status']}")
        return "again"

    def server_delete(self, c, due):
        self.req("server.delete", due, "DELETE", f"{self.cloud.compute}/servers/{c.res['server']}", expect=(204,))
        c.since = e2e.now()

    def server_gone(self, c, due):
        sid = c.res["server"]
        st, b = self.req("server.show", due, "GET", f"{self.cloud.compute}/servers/{sid}", expect=(200, 404))
        if st == 404:
            with self.slock:
                self.servers[sid]["gone"] = True
            return "next"
        if e2e.now() - c.since > SERVER_GONE_TIMEOUT:
            with self.slock:
                self.servers[sid]["stuck"] = (f"{b['server']['status']}/{b['server'].get('OS-EXT-STS:task_state')} "
                                              f"{e2e.now() - c.since:.0f}s after its delete")
            raise StepFailed(f"server {sid} not gone")
        return "again"

    # ---- scheduling
    def step(self, fam, c, due):
        """One step of cycle c: advances it, waits for its next poll, or abandons it (StepFailed)."""
        try:
            r = fam.steps[c.step](c, due)
        except StepFailed:
            fam.done(c, abandoned=True)
            return
        except Exception as ex:  # noqa: BLE001 - a bug of the soak or a body it did not expect: counted, not lost
            self.rec.add(f"{fam.name}.step", due - self.t0, e2e.now() - due, 0, None, "unexpected", repr(ex))
            fam.done(c, abandoned=True)
            return
        if r == "again":
            c.not_before = e2e.now() + POLL[fam.name]
        else:
            c.step += 1
            if c.step == len(fam.steps):
                fam.done(c)
                return
        c.busy = False

    def tick(self, due):
        x = self.rng.uniform(0, self.cum[-1])
        cls = next(n for n, c in zip(self.names, self.cum) if x < c)
        if cls in self.families:
            fam = self.families[cls]
            c = fam.take()
            if c is not None:
                return lambda: self.step(fam, c, due)
            cls = self.rng.choice(GETS)
        if cls.startswith("token."):
            return lambda: self.token_op(cls, due)
        return lambda: self.get(cls, due)

    def run(self, seconds, stop):
        """The open-loop load: one operation due every 1/rate s for `seconds` (self.late: each one's start lag)."""
        n = int(seconds * self.args.rate)
        with cf.ThreadPoolExecutor(64) as pool:
            for i in range(n):
                due = self.t0 + i / self.args.rate
                wait = due - e2e.now()
                if wait > 0 and stop.wait(wait):
                    break
                if stop.is_set():
                    break
                self.late.append(max(0.0, e2e.now() - due))
                pool.submit(self.tick(due))

    def drain(self, seconds):
        """Runs the cycles in flight to their end (servers and volumes polled until gone), outside the rate."""
        deadline = e2e.now() + seconds
        while e2e.now() < deadline:
            left = sum(len(f.cycles) for f in self.families.values())
            if not left:
                return 0
            for fam in self.families.values():
                c = fam.take(draining=True)
                if c is not None:
                    self.step(fam, c, e2e.now())
            time.sleep(0.2)
        return sum(len(f.cycles) for f in self.families.values())


# ---------------------------------------------------------------- sweep and leftovers

def listing(url, token, key):
    _, b, _ = e2e.retrying(lambda: e2e.call("GET", url, token), seconds=60)
    return b[key]


def sweep(cloud, tenant):
    """Deletes whatever the project still holds (the cycles abandoned or cut by a stop), as the admin."""
    c, p, adm = cloud, tenant.project, cloud.admin
    volume = f"{c.identity.rsplit('/identity', 1)[0]}/volume/v3/{p}"
    left = [s for s, v in c.all_servers().items() if v.get("tenant_id") == p]
    if left:
        e2e.log(f"sweep: {len(left)} server(s)")
        still = e2e.delete_servers(c, left, seconds=SERVER_GONE_TIMEOUT)
        if still:
            e2e.log(f"sweep: servers still there: {still}")
    for img in listing(f"{c.image}/images?owner={p}&limit=1000", adm, "images"):
        if img["id"] != tenant.image:
            e2e.quietly(f"image {img['id']}", lambda: e2e.call("DELETE", f"{c.image}/images/{img['id']}", adm))
    deadline = e2e.now() + VOLUME_TIMEOUT
    while e2e.now() < deadline:
        vols = listing(volume + "/volumes/detail", tenant.token, "volumes")
        if not vols:
            break
        for v in vols:
            if v["status"] in ("available", "error"):
                e2e.quietly(f"volume {v['id']}", lambda: e2e.call("DELETE", f"{volume}/volumes/{v['id']}", tenant.token))
        time.sleep(2)
    for port in listing(f"{c.network}/ports?project_id={p}", adm, "ports"):
        if port["network_id"] != tenant.network:
            e2e.quietly(f"port {port['id']}", lambda: e2e.call("DELETE", f"{c.network}/ports/{port['id']}", adm))
    for net in listing(f"{c.network}/networks?project_id={p}", adm, "networks"):
        if net["id"] != tenant.network:
            e2e.quietly(f"network {net['id']}", lambda: e2e.call("DELETE", f"{c.network}/networks/{net['id']}", adm))
    for sg in listing(f"{c.network}/security-groups?project_id={p}", adm, "security_groups"):
        e2e.quietly(f"security group {sg['id']}",
                    lambda: e2e.call("DELETE", f"{c.network}/security-groups/{sg['id']}", adm))


def leftovers(cloud, project):
    """Everything named soak-* or of the project, anywhere in the cloud: ["kind name-or-id"]."""
    c, adm = cloud, cloud.admin
    out = []

    def ours(item, owner_keys=("project_id", "tenant_id")):
        return (item.get("name") or "").startswith(PREFIX + "-") or any(item.get(k) == project for k in owner_keys)

    out += [f"project {x['name']}" for x in listing(c.identity + "/projects", adm, "projects") if ours(x, ("id",))]
    out += [f"user {x['name']}" for x in listing(c.identity + "/users", adm, "users") if ours(x, ())]
    out += [f"server {s['name']} {sid}" for sid, s in c.all_servers().items() if ours(s)]
    for kind, key in (("networks", "networks"), ("subnets", "subnets"), ("ports", "ports"),
                      ("security-groups", "security_groups")):
        out += [f"{kind[:-1]} {x.get('name') or ''} {x['id']}" for x in listing(f"{c.network}/{kind}", adm, key)
                if ours(x)]
    admin_project = listing(c.identity + "/projects?name=" + os.environ.get("OS_PROJECT_NAME", "admin"), adm,
                            "projects")[0]["id"]
    vols = listing(f"{c.identity.rsplit('/identity', 1)[0]}/volume/v3/{admin_project}/volumes/detail?all_tenants=1",
                   adm, "volumes")
    out += [f"volume {v.get('name')} {v['id']}" for v in vols if ours(v, ("os-vol-tenant-attr:tenant_id",))]
    url = f"{c.image}/images?limit=1000"
    while url:
        _, b, _ = e2e.retrying(lambda: e2e.call("GET", url, adm))
        out += [f"image {i.get('name')} {i['id']}" for i in b["images"] if ours(i, ("owner",))]
        url = (c.image.rsplit("/v2", 1)[0] + b["next"]) if b.get("next") and b["images"] else None
    out += [f"flavor {f['name']}" for f in listing(c.compute + "/flavors?is_public=None", adm, "flavors") if ours(f, ())]
    return out


# ---------------------------------------------------------------- verdicts

def windows(args):
    m, w, k = args.minutes, args.warmup, args.window
    if m < w + 2 * k:
        k = max(1, m // 3)
        w = max(0, min(w, m - 2 * k))
    return w, k


def renew_admin(cloud):
    """A new admin token (identity's tokens live an hour: a long soak outlives the first)."""
    cloud.admin = cloud.token(cloud.admin_user, cloud.admin_password, {
        "name": os.environ.get("OS_PROJECT_NAME", "admin"),
        "domain": {"name": os.environ.get("OS_PROJECT_DOMAIN_NAME", "Default")}},
        os.environ.get("OS_USER_DOMAIN_NAME", "Default"))


def git_head(path):
    r = e2e.sh("git", "-C", path, "rev-parse", "--short", "HEAD")
    return r.stdout.strip() if r.returncode == 0 else "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=int, default=30)
    ap.add_argument("--rate", type=float, default=10.0, help="operations per second (open-loop)")
    ap.add_argument("--warmup", type=int, default=5, help="minutes of JVM warm-up before the baseline window")
    ap.add_argument("--window", type=int, default=5, help="minutes of the baseline and of the last window")
    ap.add_argument("--rss-tolerance", type=float, default=0.10)
    ap.add_argument("--p99-factor", type=float, default=2.0)
    ap.add_argument("--p99-slack-ms", type=float, default=50.0,
                    help="a rise of at most this many ms passes whatever its factor (scheduling noise)")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--report", help="write the per-minute samples and the verdicts to this JSON file")
    args = ap.parse_args()
    if args.minutes < 2:
        ap.error("--minutes must be at least 2")
    e2e.raise_on_sigterm()
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C cleans up, also when started with & or nohup
    state = find_state()
    e2e.STATE = state
    names = jvms(state)
    e2e.log(f"state {state}: JVMs {', '.join(f'{n} ({p})' for n, p in names.items()) or 'none'}")
    w, k = windows(args)
    if (w, k) != (args.warmup, args.window):
        e2e.log(f"{args.minutes} minutes: warm-up {w} min, windows of {k} min (a quick check)")
    r = e2e.Report("soak")
    cloud = e2e.Cloud()
    rec = Recorder()
    samples = []
    stop = threading.Event()
    soak = tenant = None
    interrupted = None
    result = {"config": {**vars(args), "warmup_used": w, "window_used": k, "zone": e2e.ZONE, "flavor": FLAVOR,
                         "weights": dict(WEIGHTS), "state": state, "cloud_commit": git_head(os.path.dirname(state)),
                         "soak_commit": git_head(e2e.REPO), "start_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                                        time.gmtime())}}
    try:
        tenant = e2e.Tenant(cloud, "tenant", r, instances=20, cidr="10.200.0.0/24", prefix=PREFIX)
        soak = Soak(cloud, tenant, args, rec)

        def sample(minute):
            ops = rec.snapshot()
            java, tempest = other_load()
            row = {"minute": minute, "utc": time.strftime("%H:%M:%S", time.gmtime()),
                   "loadavg": float(open("/proc/loadavg").read().split()[0]),
                   "rss_mb": {n: round((rss_kb(p) or 0) / 1024, 1) for n, p in names.items()},
                   "pids": jvms(state), "other_java": java - len(names), "tempest_procs": tempest,
                   "in_flight_cycles": {f: len(fam.cycles) for f, fam in soak.families.items()}}
            if minute > 0:
                row["ops"] = window_stats(ops, (minute - 1) * 60, minute * 60)
                n = sum(v["n"] for v in row["ops"].values())
                bad5 = sum(v["5xx"] for v in row["ops"].values())
                badu = sum(v["unexpected"] for v in row["ops"].values())
                lat = sorted(o[2] * 1000 for o in ops if (minute - 1) * 60 <= o[1] < minute * 60)
                e2e.log(f"minute {minute}: {n} ops, p50 {e2e.pct(lat, 50) if lat else 0:.0f} ms, "
                        f"p99 {e2e.pct(lat, 99) if lat else 0:.0f} ms, 5xx {bad5}, unexpected {badu}; "
                        f"RSS {sum(row['rss_mb'].values()):.0f} MB; load {row['loadavg']}")
            samples.append(row)

        def sampler():
            for m in range(0, args.minutes + 1):
                if stop.wait(max(0.0, soak.t0 + 60 * m - e2e.now())):
                    return
                try:
                    sample(m)
                except Exception as ex:  # noqa: BLE001 - a missing sample fails its verdict; the next one is taken
                    e2e.log(f"sample {m}: {ex!r}")
                if m % 20 == 0:
                    e2e.quietly("admin token", lambda: renew_admin(cloud))

        e2e.log(f"soak: {args.rate}/s for {args.minutes} min, project {tenant.name}, servers in zone {e2e.ZONE}")
        soak.t0 = e2e.now()
        th = threading.Thread(target=sampler, daemon=True)
        th.start()
        soak.run(args.minutes * 60, stop)
        th.join(90)
    except (KeyboardInterrupt, SystemExit) as ex:
        interrupted = repr(ex)
        e2e.log(f"interrupted ({interrupted}): finishing the cycles in flight and cleaning up")
    except Exception as ex:  # noqa: BLE001 - a crash of the soak is a failure, and cleanup still runs
        r.fail("the soak ran to its end", repr(ex))
    finally:
        stop.set()
        left_cycles = None
        if soak is not None:
            left_cycles = soak.drain(e2e.BUILD_TIMEOUT + SERVER_GONE_TIMEOUT)
            if left_cycles:
                e2e.log(f"{left_cycles} cycle(s) did not finish")
        if tenant is not None:
            e2e.quietly("admin token", lambda: renew_admin(cloud))
            e2e.quietly("sweep", lambda: sweep(cloud, tenant))
            tenant.cleanup()
    if interrupted:
        r.fail("the soak ran its minutes", interrupted)
    rows = verdicts(r, args, w, k, rec, samples, soak, names, cloud, tenant)
    ops = rec.snapshot()
    for s in samples:  # every operation counted, also those answered after their minute's sample was taken
        if s["minute"] > 0:
            s["ops"] = window_stats(ops, (s["minute"] - 1) * 60, s["minute"] * 60)
    result.update(samples=samples, verdicts=rows, bad_answers=rec.bad[:200],
                  ops_columns=["class", "due_s", "latency_ms", "service_ms", "status", "outcome"],
                  ops=[[o[0], round(o[1], 3), round(o[2] * 1000, 1), round(o[3] * 1000, 1), o[4], o[5]] for o in ops],
                  servers=soak.servers if soak else {}, end_utc=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    if args.report:
        with open(args.report, "w") as f:
            json.dump(result, f, indent=1)
        e2e.log(f"report: {args.report}")
    return r.exit()


def verdicts(r, args, w, k, rec, samples, soak, names, cloud, tenant):
    """Checks every rule, prints the table; returns its rows [(check, figure, rule, verdict)]."""
    rows = []

    def row(check, figure, rule, ok):
        rows.append((check, figure, rule, "PASS" if ok else "FAIL"))
        if ok:
            r.passed += 1
        else:
            r.failed += 1

    m = args.minutes
    ops = rec.snapshot()
    base_from, base_to, last_from = w, w + k, m - k
    by_min = {s["minute"]: s for s in samples}
    # RSS: samples taken at the end of minutes base_from+1 .. base_to, and last_from+1 .. m
    for n in names:
        base = [by_min[i]["rss_mb"][n] for i in range(base_from + 1, base_to + 1) if i in by_min]
        last = [by_min[i]["rss_mb"][n] for i in range(last_from + 1, m + 1) if i in by_min]
        pids = {s["pids"].get(n) for s in samples}
        if not base or not last:
            row(f"RSS {n}", "not sampled (the run stopped early)", "every sample of the last window within "
                f"+-{args.rss_tolerance:.0%} of the baseline mean", False)
            continue
        mean = sum(base) / len(base)
        worst = max(last, key=lambda v: abs(v - mean))
        dev = (worst - mean) / mean if mean else float("inf")
        ok = abs(dev) <= args.rss_tolerance and len(pids) == 1
        row(f"RSS {n}", f"baseline {mean:.0f} MB, last {min(last):.0f}-{max(last):.0f} MB ({dev:+.1%})"
            + ("" if len(pids) == 1 else f", pids {sorted(p for p in pids if p)}"),
            f"last {k} min within +-{args.rss_tolerance:.0%} of min {base_from}-{base_to}'s mean", ok)
    if not names:
        row("RSS", "no JVM of the cloud found", "pid files in $STRATO_STATE", False)
    total5 = sum(1 for o in ops if o[5] == "5xx")
    unexpected = sum(1 for o in ops if o[5] == "unexpected")
    row("5xx", f"{total5} of {len(ops)} answers", "none", total5 == 0)
    kinds = collections.Counter(f"{cls} {st}" for _, cls, st, _ in rec.bad if st is None or st < 500)
    row("other unexpected answers", f"{unexpected}" + (f" ({dict(kinds.most_common(4))})" if kinds else ""), "none",
        unexpected == 0)
    base_stats = window_stats(ops, base_from * 60, base_to * 60)
    last_stats = window_stats(ops, last_from * 60, m * 60)
    everything = [(ALL,) + o[1:] for o in ops]
    base_stats.update(window_stats(everything, base_from * 60, base_to * 60))
    last_stats.update(window_stats(everything, last_from * 60, m * 60))
    for cls in [ALL] + sorted((set(base_stats) | set(last_stats)) - {ALL}):
        b, l = base_stats.get(cls), last_stats.get(cls)
        if not b or not l:
            row(f"p99 {cls}", f"base n={b and b['n']}, last n={l and l['n']}", "measured in both windows", False)
            continue
        # a p99 (nearest rank) of fewer than 100 answers is the window's slowest one: such a class is judged by p90
        q = "p99" if min(b["n"], l["n"]) >= MIN_P99 else "p90"
        ratio = l[q] / b[q] if b[q] else float("inf")
        if min(b["n"], l["n"]) < MIN_JUDGED:
            rows.append((f"{q} {cls}", f"{b[q]:.0f} -> {l[q]:.0f} ms (x{ratio:.2f}; n {b['n']}/{l['n']})",
                         f"fewer than {MIN_JUDGED} answers: not judged", "info"))
            continue
        row(f"{q} {cls}", f"{b[q]:.0f} -> {l[q]:.0f} ms (x{ratio:.2f}; n {b['n']}/{l['n']}; p50 {b['p50']:.0f} -> "
            f"{l['p50']:.0f}, max {b['max']:.0f} -> {l['max']:.0f})",
            f"<= x{args.p99_factor:g} or +{args.p99_slack_ms:g} ms of min {base_from}-{base_to}",
            ratio <= args.p99_factor or l[q] - b[q] <= args.p99_slack_ms)
    if soak:
        srv = soak.servers
        states = collections.Counter(s["state"] for s in srv.values())
        stuck = {sid: s["stuck"] for sid, s in srv.items() if s["stuck"]}
        not_gone = [sid for sid, s in srv.items() if not s["gone"]]
        boots = [s["boot"] for s in srv.values() if s["boot"] is not None]
        if not_gone:
            present = cloud.all_servers()
            not_gone = [sid for sid in not_gone if sid in present]
        row("servers", f"{len(srv)} created: {dict(states)}; boot-to-ACTIVE p50 "
            f"{e2e.pct(boots, 50) if boots else 0:.1f} s, max {max(boots) if boots else 0:.1f} s; stuck {len(stuck)}, "
            f"not gone {len(not_gone)}", "each ACTIVE or ERROR, then deleted", bool(srv) and not stuck and not not_gone)
        late = sorted(soak.late) or [0.0]
        due_n = len(soak.late)
        rows.append(("load generator", f"{due_n} ops due at {args.rate:g}/s, {len(ops)} answered; start lag p99 "
                     f"{e2e.pct(late, 99) * 1000:.0f} ms; {sum(f.fallbacks for f in soak.families.values())} "
                     f"fallbacks, {sum(f.abandoned for f in soak.families.values())} cycles abandoned", "-", "info"))

        def load(a, b):
            xs = [by_min[i] for i in range(a + 1, b + 1) if i in by_min]
            if not xs:
                return "-"
            la = [x["loadavg"] for x in xs]
            return (f"load {min(la):.1f}-{max(la):.1f}, other JVMs {max(x['other_java'] for x in xs)}, "
                    f"tempest procs {max(x['tempest_procs'] for x in xs)}")
        rows.append(("machine", f"baseline: {load(base_from, base_to)}; last: {load(last_from, m)}", "-", "info"))
    left = leftovers(cloud, tenant.project if tenant else None)
    row("leftovers", f"{len(left)}" + (f": {left[:6]}" if left else ""), "nothing soak-* or of the project", not left)
    wc = max(len(x[0]) for x in rows)
    wf = max(len(x[1]) for x in rows)
    wr = max(len(x[2]) for x in rows)
    print(f"\n{'check':<{wc}}  {'figure':<{wf}}  {'rule':<{wr}}  verdict")
    for c, f, rule, v in rows:
        print(f"{c:<{wc}}  {f:<{wf}}  {rule:<{wr}}  {v}")
    print(flush=True)
    return rows


if __name__ == "__main__":
    sys.exit(main())
