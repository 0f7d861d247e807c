#!/usr/bin/env python3
"""The chaos suite (issue 16): a burst of server creates, deletes and volume attaches while the cloud is hurt,
then proof from the databases and Kafka that nothing is stuck, leaked, lost or done twice.

    eval "$(deploy/local/strato env)"; tests/e2e/chaos.py [--case kill] [--case kafka] [--case postgres] [--seed N]
    tests/e2e/chaos.py --case disk     (root: it mounts; not among the default cases)

Each case runs in a project of its own (strato_e2e.Tenant: member user, network, image), with --volumes volumes
and --base m1.tiny servers made beforehand, and one burst of 30 operations at seeded random moments within
--window seconds: 16 server creates, 7 volume attaches (volume i to base server i) and 7 deletes of base servers
(3 of them also get an attach, so attaches race deletes). Clients retry what a real client retries: a connection
refused (the gateway is down) until the gateway answers again, and a delete whose answer was cut; a 5xx is counted
and reported, never retried or hidden; a create or attach whose answer was cut is counted as such.

Cases (default: all three, in this order):
  kill      kill -9 of compute-service, network-service, volume-service, image-service, identity-service, the
            gateway and one simulated host's compute agent, each once, at seeded random moments of the burst; each
            is started again by `deploy/local/strato up` right after its kill (a kill that falls while an earlier
            up still runs is restarted by the next up)
  kafka     the broker stopped (SIGTERM) a few seconds into the burst and started again by `strato up` --kafka-down
            (60) seconds later: the API must keep answering (no 5xx, nothing cut), outbox rows pile up (sampled),
            and everything completes after
  postgres  PostgreSQL stopped (pg_ctlcluster, as deploy/local starts it) during the burst and started again by
            `strato up` --pg-down (10) seconds later: every service recovers without a restart of its own (same
            pids), every operation was answered: done, refused (4xx) or failed cleanly (503 with a fault body: a
            500 is an outage the service did not recognise), and everything settles

  disk      (not run by default; needs root) the image store ($STRATO_STATE/images) and the volume directory
            ($STRATO_STATE/volumes) made full without a restart and without hiding or moving anything in them: an
            overlay is mounted on each directory itself, its lower layer the directory as it is (every file stays
            readable where it was), its upper layer, which takes every new write, a small tmpfs (--disk-size) that a
            filler file uses up. Then, through the gateway, as a member of a project of its own:
              image store full: an upload answers Glance's 413 "Image storage media is full: ..." with a request
              id, the image stays queued with no size or checksum (API and database), no file of it is left in the
              store, an image stored before downloads whole; once the filler is gone the same upload is 204, active;
              volume directory full: a blank volume ends in error (user message VOLUME_VOLUME_008_012), a volume
              from an image in error (005_007), a snapshot in error (VOLUME_SNAPSHOT_009_013) with its volume
              available in its own file, an upload to an image back in available with the image deleted (003_004),
              an extend in error_extending at the old size (007_010); no file of any of them left; once the filler
              is gone a create is available.
            Everything the case made is deleted through the API before the overlays come off (the upper layers
            must then hold nothing but the fillers: the services removed what they wrote), and each directory must
            list the same files as before the case. Run it on a cloud nobody else uses: while the overlays are on,
            a file of the directory that another request rewrites or deletes is copied up to (or hidden in) the
            tmpfs, and that change is lost when it comes off.

After each burst case, once every server is out of BUILD and of its task (time to settle: from the end of the last
disruption), the checks, from the API and from the databases (psql -h 127.0.0.1 -U postgres):
  - every server of the project is ACTIVE or ERROR, with no task and no pending cleanup;
  - claims: every host's counters are the sum of its allocation rows, no allocation without its server, each
    ACTIVE server holds one allocation on its host; /limits matches the servers (no leaked quota unit);
  - ports and addresses: every compute port on the project's network belongs to a server of the project and is
    in compute's server_port, and the reverse; each ACTIVE server has one port (no port made twice, none leaked);
    every ip_allocation row on the network belongs to a port (no leaked address);
  - volume attachments: volume-service's attachments of the project and compute's server_volume_attachment rows
    are the same set, each of an existing server, attached; a volume is in-use exactly when attached;
  - no server built twice: one create action per server; each simulated host runs as many domains as servers
    the compute database has running there;
  - events: every outbox row of every service database is published (strato_outbox), every row written during the
    case is on its Kafka topic (none lost; a second delivery of one id is counted, at-least-once), and every
    service's consumer group (compute, network, volume, image, identity, the agents') has consumed everything its
    topics held at the check (lag 0). Kafka is read with tests/e2e/KafkaCount.java and the broker's own client
    jars ($STRATO_STATE/kafka/lib).
Then every server and volume is deleted and nothing may be left: no compute port, address, allocation, quota
usage, attachment.

Each case prints a FIGURE line: operations, how many accepted, refused (4xx), 5xx, cut; what they became; time to
settle; events written, lost, delivered twice; and the case's own numbers (kills and ups, outbox peak, recovery).
The whole run kills and restarts processes of the cloud: never run it against a cloud someone else is using.
"""
import argparse
import atexit
import hashlib
import json
import os
import random
import shutil
import shlex
import signal
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
import strato_e2e as e2e  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BOOTSTRAP = f"127.0.0.1:{os.environ.get('STRATO_KAFKA_PORT', '9092')}"
DATABASES = ("identity", "compute", "network", "volume", "image")
# deploy/local's services and their ports (deploy/local/strato SERVICES)
SERVICES = {"identity-service": 5000, "gateway": 8080, "image-service": 9292, "network-service": 9696,
            "compute-service": 8774, "volume-service": 8776}
KILLED = ("compute-service", "network-service", "volume-service", "image-service", "identity-service", "gateway")
# consumer groups that must have committed offsets (the services with event handlers: docs/events.md)
REQUIRED_GROUPS = ("compute", "network", "volume", "image")
SETTLED_VM = ("active", "error")


# ---------------------------------------------------------------- databases and Kafka

# psql as the cloud's superuser: deploy/local's PostgreSQL on 127.0.0.1, or what STRATO_E2E_PSQL says (a command;
# deploy/kubernetes/run-local roll sets it to psql in its database pod)
PSQL = shlex.split(os.environ.get("STRATO_E2E_PSQL") or "psql -X -w -h 127.0.0.1 -p 5432 -U postgres")


def sql(db, query):
    """Rows (lists of strings) of a query on one of the cloud's databases, as its superuser (PSQL)."""
    r = e2e.sh(*PSQL, "-d", db, "-qtA", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"psql {db}: {r.stderr.strip()[-300:]}")
    return [line.split("\t") for line in r.stdout.splitlines() if line]


def quoted(values):
    """A SQL list of string literals (ids we made: uuids and hex project ids), never empty."""
    vals = [v for v in values if v]
    for v in vals:
        if not all(c.isalnum() or c == "-" for c in v):
            raise ValueError(f"not an id: {v!r}")
    return "(" + ",".join(f"'{v}'" for v in vals) + ")" if vals else "(NULL)"


def outbox_pending():
    """{db: unpublished outbox rows}."""
    out = {}
    for db in DATABASES:
        try:
            out[db] = int(sql(db, "select count(*) from strato_outbox where published_at is null")[0][0])
        except RuntimeError:
            out[db] = None
    return out


class Kafka:
    """KafkaCount.java, compiled once, on the classpath of the broker's jars."""

    def __init__(self):
        self.lib = os.path.join(e2e.STATE, "kafka", "lib")
        self.classes = tempfile.mkdtemp(prefix="strato-chaos-")
        atexit.register(shutil.rmtree, self.classes, True)
        r = e2e.sh("javac", "-d", self.classes, "-cp", os.path.join(self.lib, "*"),
                   os.path.join(HERE, "KafkaCount.java"), timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"javac KafkaCount.java: {r.stderr[-500:]}")

    def run(self, *args, timeout=150):
        r = e2e.sh("java", "-Xmx128m", "-Dorg.apache.logging.log4j.level=OFF", "-Dlog4j2.level=OFF",
                   "-cp", self.classes + os.pathsep + os.path.join(self.lib, "*"), "KafkaCount", BOOTSTRAP, *args,
                   timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(f"KafkaCount {args[0]}: exit {r.returncode}: {(r.stderr or r.stdout)[-500:]}")
        return [line.split("\t") for line in r.stdout.splitlines()]

    def offsets(self, groups):
        """{(group, topic, partition): (committed, end)}."""
        out = {}
        for row in self.run("lag", *groups):
            if len(row) == 5 and row[3].lstrip("-").isdigit() and row[4].isdigit():
                out[(row[0], row[1], int(row[2]))] = (int(row[3]), int(row[4]))
        return out

    def ids(self, since, topics):
        """{topic: {event id: times seen}} of the records written since `since` (epoch seconds)."""
        out = {}
        for row in self.run("ids", str(int(since * 1000)), *topics):
            if len(row) == 2 and row[0] in topics:
                seen = out.setdefault(row[0], {})
                seen[row[1]] = seen.get(row[1], 0) + 1
        return out


def consumer_groups():
    """The consumer groups of the services and of the agents deploy/local runs."""
    groups = list(DATABASES)
    for host in sorted(e2e.agent_hosts()):
        groups += [f"agent-{host}", f"agent-{host}-images"]
    if e2e.pid_of("network-agent-real"):
        groups.append(f"network-agent.{e2e.REAL_HOST}")
    return groups


# ---------------------------------------------------------------- processes

def pids():
    """{name: pid} of every service and agent deploy/local started (its pid files in $STRATO_STATE)."""
    out = {}
    for f in sorted(os.listdir(e2e.STATE)):
        if f.endswith(".pid") and f[:-4] not in ("kafka", "test-kafka"):
            pid = e2e.pid_of(f[:-4])
            if pid:
                out[f[:-4]] = pid
    return out


def kafka_pid():
    try:
        pid = int(open(os.path.join(e2e.STATE, "kafka.pid")).read().strip())
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
    except (OSError, ValueError):
        return None
    return pid if "kafka.Kafka" in cmd else None


def wait_gone(pid, seconds=30):
    deadline = e2e.now() + seconds
    while os.path.exists(f"/proc/{pid}") and e2e.now() < deadline:
        try:  # a zombie child of ours (never here: deploy/local's processes are not our children)
            if open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return not os.path.exists(f"/proc/{pid}")


def as_root(*argv):
    return list(argv) if os.geteuid() == 0 else ["sudo", "-n", *argv]


def pg_version():
    versions = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(x) for x in v.split(".") if x.isdigit()])
    return versions[-1]


def ready(port, seconds):
    """Waits until 127.0.0.1:port/q/health/ready answers 200; returns the seconds it took, or None."""
    t = e2e.now()
    while e2e.now() - t < seconds:
        try:
            st, _, _ = e2e.call("GET", f"http://127.0.0.1:{port}/q/health/ready", timeout=5)
            if st == 200:
                return e2e.now() - t
        except Exception:  # noqa: BLE001 - not ready yet
            pass
        time.sleep(1)
    return None


# ---------------------------------------------------------------- the burst

def refused(ex):
    """The request never reached a server: a real client tries again."""
    reason = getattr(ex, "reason", ex)
    return isinstance(reason, ConnectionRefusedError)


def timed_out(ex):
    reason = getattr(ex, "reason", ex)
    return isinstance(reason, (TimeoutError, OSError)) and "timed out" in str(reason)


class Op:
    def __init__(self, kind, at, server=None, volume=None, name=None):
        self.kind, self.at, self.server, self.volume, self.name = kind, at, server, volume, name
        self.outcome = self.status = self.detail = None
        self.retries = 0
        self.started = self.ended = None

    def label(self):
        return {"create": f"create {self.name}", "delete": f"delete {self.server}",
                "attach": f"attach {self.volume} to {self.server}"}[self.kind]


def send(op, method, url, token, body=None, idempotent=False, give_up=240):
    """One call of the burst, classified: ok (2xx), 4xx, 5xx, cut (sent, no answer), timeout."""
    deadline = e2e.now() + give_up
    while True:
        try:
            st, b, _ = e2e.call(method, url, token, body, timeout=90)
            op.outcome, op.status = "ok", st
            return b
        except e2e.ApiError as ex:
            if idempotent and ex.status == 404 and op.retries:
                op.outcome, op.status = "ok", 404  # a retried delete the first try had done
                return None
            op.outcome, op.status, op.detail = ("5xx" if ex.status >= 500 else "4xx"), ex.status, ex.body[:200]
            return None
        except Exception as ex:  # noqa: BLE001 - urllib's connection errors, classified below
            if (refused(ex) or idempotent) and e2e.now() < deadline:
                op.retries += 1
                time.sleep(1)
                continue
            op.outcome, op.detail = ("timeout" if timed_out(ex) else "cut"), repr(ex)[:200]
            return None


class Burst:
    """30 operations at seeded random moments within `window` seconds, each in a thread of its own."""

    def __init__(self, cloud, tenant, flavor, base, volumes, rng, window, creates=16):
        self.cloud, self.tenant, self.flavor = cloud, tenant, flavor
        attaches = list(zip(base[:len(volumes)], volumes))
        deletes = base[3:]
        kinds = ([("create", None, None, f"chaos-{i:02d}") for i in range(creates)]
                 + [("attach", s, v, None) for s, v in attaches] + [("delete", s, None, None) for s in deletes])
        rng.shuffle(kinds)
        times = sorted(rng.uniform(0, window) for _ in kinds)
        self.ops = [Op(k, t, s, v, n) for (k, s, v, n), t in zip(kinds, times)]
        self.t0 = None
        self.threads = []

    def start(self):
        self.t0 = e2e.now()
        for op in self.ops:
            th = threading.Thread(target=self.run, args=(op,), daemon=True)
            th.start()
            self.threads.append(th)

    def join(self):
        for th in self.threads:
            th.join()
        return e2e.now() - self.t0

    def run(self, op):
        time.sleep(max(0.0, self.t0 + op.at - e2e.now()))
        op.started = e2e.now()
        try:
            self.call(op)
        except Exception as ex:  # noqa: BLE001 - an answer the test did not expect: counted, never lost
            op.outcome, op.detail = "error", repr(ex)[:200]
        op.ended = e2e.now()

    def call(self, op):
        c, t = self.cloud, self.tenant
        if op.kind == "create":
            b = send(op, "POST", c.compute + "/servers", t.token, {"server": {
                "name": op.name, "imageRef": t.image, "flavorRef": self.flavor, "availability_zone": e2e.ZONE,
                "networks": [{"uuid": t.network}]}})
            if b:
                op.server = b["server"]["id"]
        elif op.kind == "delete":
            send(op, "DELETE", f"{c.compute}/servers/{op.server}", t.token, idempotent=True)
        else:
            send(op, "POST", f"{c.compute}/servers/{op.server}/os-volume_attachments", t.token,
                 {"volumeAttachment": {"volumeId": op.volume}})

    def tally(self, during=None):
        """{answer: count}: ok, the HTTP status of a refusal or failure, cut, timeout or error (of the operations
        that started within during=(t0, t1), when given)."""
        out = {}
        for op in self.started(during):
            k = str(op.status) if op.outcome in ("4xx", "5xx") else op.outcome
            out[k] = out.get(k, 0) + 1
        return out

    def started(self, during=None):
        return [op for op in self.ops if not during or (op.started and during[0] <= op.started <= during[1])]

    def describe(self):
        for op in self.ops:
            if op.outcome != "ok" or op.retries:
                e2e.log(f"  {op.label()} at +{op.at:.1f}s: {op.outcome} {op.status or ''} "
                        f"(retried {op.retries}x) {op.detail or ''}")


# ---------------------------------------------------------------- one case

class Case:
    """A project of its own with its volumes and base servers, a burst, and the checks."""

    def __init__(self, name, cloud, report, rng, args, cidr):
        self.name, self.cloud, self.r, self.rng, self.args = name, cloud, report, rng, args
        self.tenant = e2e.Tenant(cloud, f"chaos-{name}", report, instances=args.base + 30, cidr=cidr)
        self.volumes = []
        self.seen_servers = set()
        self.hosts = e2e.compute_hosts_up(cloud)
        self.t0_wall = None
        self.figure = {}

    @property
    def volume_url(self):
        return f"{self.cloud.identity.rsplit('/identity', 1)[0]}/volume/v3/{self.tenant.project}"

    def prepare(self):
        c, t, a = self.cloud, self.tenant, self.args
        _, fl, _ = e2e.call("GET", c.compute + "/flavors", t.token)
        self.flavor = next(f["id"] for f in fl["flavors"] if f["name"] == a.flavor)
        for i in range(a.volumes):
            _, v, _ = e2e.call("POST", self.volume_url + "/volumes", t.token,
                               {"volume": {"size": 1, "name": f"chaos-{self.name}-{i}"}})
            self.volumes.append(v["volume"]["id"])
        hyps = c.hypervisors()  # before the project has any server (check_consistency's baseline)
        self.baseline = {h: e2e.usage(hyps[h]) for h in hyps}
        self.vms = {h: hyps[h]["running_vms"] for h in self.hosts}
        base = [t.create_server(f"base-{i:02d}", self.flavor)[0] for i in range(a.base)]
        settled = t.wait_settled(base, e2e.BUILD_TIMEOUT)
        self.r.check(all(s and s["status"] == "ACTIVE" for s in settled.values()),
                     f"[{self.name}] {a.base} base servers ACTIVE before the burst",
                     str({k: v and v["status"] for k, v in settled.items()}))
        deadline = e2e.now() + 60
        while True:
            st = {v: self.volume(v)["status"] for v in self.volumes}
            if all(s == "available" for s in st.values()) or e2e.now() > deadline:
                break
            time.sleep(1)
        self.r.check(all(s == "available" for s in st.values()), f"[{self.name}] {a.volumes} volumes available",
                     str(st))
        self.base = base
        self.t0_wall = time.time() - 1

    def volume(self, vid):
        _, v, _ = e2e.retrying(lambda: e2e.call("GET", f"{self.volume_url}/volumes/{vid}", self.tenant.token))
        return v["volume"]

    def burst(self):
        b = Burst(self.cloud, self.tenant, self.flavor, self.base, self.volumes, self.rng, self.args.window)
        return b

    # ---- settling
    def busy(self):
        """What is still moving in the project, from compute's and volume-service's databases."""
        p = self.tenant.project
        out = [f"server {sid} {vm}/{task or '-'}{' cleanup' if pc == 't' else ''}" for sid, vm, task, pc in sql(
            "compute", f"select id, vm_state, task_state, pending_cleanup from server where project_id = '{p}' "
                       f"and (task_state is not null or vm_state not in ('active', 'error', 'stopped') "
                       f"or pending_cleanup)")]
        out += [f"compute attachment {v} {st}" for v, st in sql(
            "compute", f"select volume_id, status from server_volume_attachment where project_id = '{p}' "
                       f"and status <> 'attached'")]
        out += [f"volume {v} {st}" for v, st in sql(
            "volume", f"select id, status from volume where project_id = '{p}' "
                      f"and status not in ('available', 'in-use', 'error')")]
        return out

    def settle(self, since, seconds):
        """Waits until nothing moves (API and databases); returns (seconds after `since`, what still moves)."""
        deadline = e2e.now() + seconds
        while True:
            try:
                left = self.busy()
                servers = self.tenant.servers()
                self.seen_servers |= set(servers)
                left += [f"API: {sid} {s['status']}/{s['OS-EXT-STS:task_state']}" for sid, s in servers.items()
                         if s["status"] == "BUILD" or s["OS-EXT-STS:task_state"]]
            except Exception as ex:  # noqa: BLE001 - a service still starting: not settled yet
                left = [f"not answering: {ex}"]
            if not left or e2e.now() > deadline:
                return e2e.now() - since, left
            time.sleep(2)

    # ---- checks
    def check_all(self, burst, since):
        r, t, p, name = self.r, self.tenant, self.tenant.project, f"[{self.name}]"
        took, left = self.settle(since, self.args.settle)
        self.figure["settle"] = took
        r.check(not left, f"{name} everything settled {took:.0f}s after the last disruption",
                f"still moving after {took:.0f}s: {left[:6]}")
        servers = t.servers()
        self.seen_servers |= set(servers)
        states = {}
        for s in servers.values():
            states[s["status"]] = states.get(s["status"], 0) + 1
        self.figure["states"] = states
        r.check(all(s["status"] in ("ACTIVE", "ERROR") for s in servers.values()),
                f"{name} every server of the project is ACTIVE or ERROR ({states})")
        for s in servers.values():
            if s["status"] == "ERROR":
                e2e.log(f"  {s['id']} ({s['name']}) ERROR: {(s.get('fault') or {}).get('message')}")
        rows = sql("compute", f"select id, vm_state, coalesce(task_state, ''), pending_cleanup, coalesce(host, '') "
                              f"from server where project_id = '{p}'")
        db = {row[0]: row for row in rows}
        bad = [row for row in rows if row[1] not in SETTLED_VM or row[2] or row[3] == "t"]
        r.check(not bad, f"{name} compute's database: every server active or error, no task, no pending cleanup",
                str(bad[:5]))
        r.check(set(db) == set(servers), f"{name} the API shows the database's servers ({len(db)})",
                f"only in the database {sorted(set(db) - set(servers))[:3]}, only in the API "
                f"{sorted(set(servers) - set(db))[:3]}")
        # what each operation became
        acc = {"create": 0, "delete": 0, "attach": 0}
        done = {"create": 0, "delete": 0, "attach": 0}
        attached = {row[0]: row for row in sql("compute", f"select volume_id, server_id, attachment_id, status "
                                                          f"from server_volume_attachment where project_id = '{p}'")}
        for op in burst.ops:
            if op.outcome != "ok":
                continue
            acc[op.kind] += 1
            if op.kind == "create" and op.server in servers and servers[op.server]["status"] == "ACTIVE":
                done["create"] += 1
            elif op.kind == "delete" and op.server not in servers:
                done["delete"] += 1
            elif op.kind == "attach" and op.volume in attached and attached[op.volume][1] == op.server \
                    and attached[op.volume][3] == "attached":
                done["attach"] += 1
        self.figure["accepted"], self.figure["completed"] = acc, done
        r.check(done["delete"] == acc["delete"], f"{name} every accepted delete removed its server "
                                                 f"({done['delete']} of {acc['delete']})")
        attach_lost = [op.label() for op in burst.ops if op.kind == "attach" and op.outcome == "ok"
                       and op.server in servers and servers[op.server]["status"] == "ACTIVE"
                       and op.volume not in attached]
        r.check(not attach_lost, f"{name} every accepted attach to a server that is still ACTIVE is attached",
                str(attach_lost[:3]))

        self.check_claims(servers, db)
        self.check_ports(servers, db)
        self.check_attachments(servers)
        self.check_once(servers)
        t.check_consistency(self.baseline, f"{name} after the burst", self.hosts)
        self.check_events()

    def check_claims(self, servers, db):
        r, name = self.r, f"[{self.name}]"
        counters = sql("compute", "select h.host, h.vcpus_used, h.memory_mb_used, h.local_gb_used, "
                                  "coalesce(sum(a.vcpus), 0), coalesce(sum(a.memory_mb), 0), coalesce(sum(a.disk_gb), 0) "
                                  "from compute_host h left join allocation a on a.host = h.host "
                                  "group by h.host, h.vcpus_used, h.memory_mb_used, h.local_gb_used")
        wrong = [f"{h}: used {u1}/{u2}/{u3}, allocations {a1}/{a2}/{a3}" for h, u1, u2, u3, a1, a2, a3 in counters
                 if (u1, u2, u3) != (a1, a2, a3)]
        r.check(not wrong, f"{name} every host's claimed vcpus/ram/disk are the sum of its allocation rows",
                "; ".join(wrong))
        orphans = sql("compute", "select a.server_id, a.host from allocation a left join server s on s.id = a.server_id "
                                 "where s.id is null")
        r.check(not orphans, f"{name} no allocation without its server (no leaked claim, whole cloud)", str(orphans[:5]))
        allocs = {}
        for sid, host in sql("compute", f"select server_id, host from allocation where server_id in {quoted(db)}"):
            allocs.setdefault(sid, []).append(host)
        bad = [f"{sid}: {vm} on {host or '-'}, allocations {allocs.get(sid)}" for sid, vm, _, _, host in db.values()
               if (vm == "active" and allocs.get(sid) != [host]) or len(allocs.get(sid, [])) > 1
               or (allocs.get(sid) and allocs[sid] != [host])]
        r.check(not bad, f"{name} each ACTIVE server holds one allocation, on its host; none holds two", "; ".join(bad[:5]))
        held = sum(1 for sid in db if allocs.get(sid) and db[sid][1] == "error")
        if held:
            e2e.log(f"  {held} ERROR server(s) placed on a host keep their claim (as Nova's do until deleted)")

    def check_ports(self, servers, db):
        r, t, name = self.r, self.tenant, f"[{self.name}]"
        ports = sql("network", f"select id, device_id, device_owner from port where network_id = '{t.network}'")
        compute_ports = [(pid, dev) for pid, dev, owner in ports if owner.startswith(e2e.COMPUTE_OWNER)]
        sp = sql("compute", f"select server_id, port_id from server_port where server_id in {quoted(db)}")
        sp_ports = {pid: sid for sid, pid in sp}
        orphans = [pid for pid, dev in compute_ports if dev not in db]
        r.check(not orphans, f"{name} network's database: every compute port belongs to a server of compute's "
                             f"database ({len(compute_ports)} ports)", f"{len(orphans)} leaked: {orphans[:5]}")
        unknown = [pid for pid, dev in compute_ports if sp_ports.get(pid) != dev]
        r.check(not unknown, f"{name} every compute port is its server's in compute's server_port", str(unknown[:5]))
        missing = [pid for pid in sp_ports if pid not in {p for p, _ in compute_ports}]
        r.check(not missing, f"{name} every server_port row's port exists in network's database", str(missing[:5]))
        per = {}
        for pid, dev in compute_ports:
            per.setdefault(dev, []).append(pid)
        wrong = [f"{sid}: {len(per.get(sid, []))} ports" for sid, row in db.items()
                 if (row[1] == "active" and len(per.get(sid, [])) != 1) or len(per.get(sid, [])) > 1]
        r.check(not wrong, f"{name} each ACTIVE server has exactly one port, no server two (no port made twice)",
                "; ".join(wrong[:5]))
        errs = [sid for sid, row in db.items() if row[1] == "error" and per.get(sid)]
        r.check(not errs, f"{name} ERROR servers hold no port", str(errs[:5]))
        ips = sql("network", f"select ip_address, coalesce(port_id::text, '') from ip_allocation "
                             f"where network_id = '{t.network}'")
        port_ids = {pid for pid, _, _ in ports}
        stray = [ip for ip, pid in ips if pid not in port_ids]
        r.check(not stray, f"{name} every address allocated on the network belongs to a port ({len(ips)} addresses, "
                           f"{len(ports)} ports)", f"leaked addresses {stray[:5]}")

    def check_attachments(self, servers):
        r, p, name = self.r, self.tenant.project, f"[{self.name}]"
        vol_att = sql("volume", f"select id, volume_id, coalesce(instance_uuid::text, ''), attach_status "
                                f"from volume_attachment where project_id = '{p}'")
        cmp_att = sql("compute", f"select attachment_id, volume_id, server_id, status from server_volume_attachment "
                                 f"where project_id = '{p}'")
        vs = {a[0]: a for a in vol_att}
        cs = {a[0]: a for a in cmp_att}
        r.check(set(vs) == set(cs), f"{name} volume-service's attachments of the project are compute's "
                                    f"({len(vs)} / {len(cs)}; no leaked attachment)",
                f"only at volume-service {[vs[k][1:] for k in set(vs) - set(cs)][:3]}, only at compute "
                f"{[cs[k][1:] for k in set(cs) - set(vs)][:3]}")
        bad = [a for a in vol_att if a[2] not in servers or a[3] != "attached"]
        bad += [a for a in cmp_att if a[2] not in servers or a[3] != "attached"]
        r.check(not bad, f"{name} every attachment is of an existing server and attached", str(bad[:4]))
        att_vols = {a[1] for a in vol_att}
        wrong = [f"{vid}: {st}/{ast}" for vid, st, ast in sql("volume", f"select id, status, attach_status from volume "
                                                                          f"where project_id = '{p}'")
                 if (vid in att_vols) != (st == "in-use") or st not in ("available", "in-use")]
        r.check(not wrong, f"{name} a volume is in-use exactly when attached, else available", "; ".join(wrong[:5]))
        self.figure["attached"] = len(cs)

    def check_once(self, servers):
        r, p, name = self.r, self.tenant.project, f"[{self.name}]"
        twice = sql("compute", f"select server_id, count(*) from instance_action where project_id = '{p}' "
                               f"and action = 'create' group by server_id having count(*) <> 1")
        r.check(not twice, f"{name} one create action per server (no server built twice)", str(twice[:5]))
        deadline = e2e.now() + 45
        while True:
            running = dict(sql("compute", "select host, count(*) from server where power_state in (1, 3) "
                                          "and host is not null group by host"))
            hyps = self.cloud.hypervisors()
            wrong = [f"{h}: {hyps[h]['running_vms']} domains, {running.get(h, '0')} running servers"
                     for h in self.hosts if h in hyps and hyps[h]["running_vms"] != int(running.get(h, 0))]
            if not wrong or e2e.now() > deadline:
                break
            time.sleep(3)
        r.check(not wrong, f"{name} each host runs as many domains as compute's database has running servers there "
                           f"(its agent's report)", "; ".join(wrong))

    def check_outbox(self):
        deadline = e2e.now() + 90
        while True:
            pending = outbox_pending()
            if not any(pending.values()) or e2e.now() > deadline:
                break
            time.sleep(2)
        self.r.check(not any(pending.values()), f"[{self.name}] every outbox row of every service database is "
                                                f"published", f"unpublished: {pending}")

    def check_events(self):
        r, name = self.r, f"[{self.name}]"
        self.check_outbox()
        written, ids = {}, {}
        for db in DATABASES:
            try:
                rows = sql(db, f"select id, topic from strato_outbox where created_at >= to_timestamp({self.t0_wall}) "
                               f"and published_at is not null")
            except RuntimeError:
                continue
            written[db] = len(rows)
            for eid, topic in rows:
                ids.setdefault(topic, set()).add(eid)
        self.figure["events"] = sum(written.values())
        e2e.log(f"  outbox rows written during the case: {written}")
        on_kafka = KAFKA.ids(self.t0_wall - 5, sorted(ids))
        lost = {topic: sorted(want - set(on_kafka.get(topic, {})))[:3] for topic, want in ids.items()
                if want - set(on_kafka.get(topic, {}))}
        twice = sum(1 for topic, want in ids.items() for eid in want if on_kafka.get(topic, {}).get(eid, 0) > 1)
        self.figure["lost"], self.figure["twice"] = sum(len(v) for v in lost.values()), twice
        r.check(not lost, f"{name} every published outbox row of the case is on its Kafka topic "
                          f"({sum(len(v) for v in ids.values())} events on {len(ids)} topics; "
                          f"{twice} delivered twice)", f"missing: {lost}")
        self.check_lag()

    def check_lag(self, seconds=90):
        r, name = self.r, f"[{self.name}]"
        groups = consumer_groups()
        first = now_ = KAFKA.offsets(groups)
        target = {k: end for k, (_, end) in first.items()}
        deadline = e2e.now() + seconds
        while True:
            behind = {f"{g} {tp}/{part}": target[(g, tp, part)] - c for (g, tp, part), (c, _) in now_.items()
                      if (g, tp, part) in target and c < target[(g, tp, part)]}
            if not behind or e2e.now() > deadline:
                break
            time.sleep(2)
            now_ = KAFKA.offsets(groups)
        have = {g for g, _, _ in first}
        missing = [g for g in REQUIRED_GROUPS if g not in have]
        r.check(not missing, f"{name} the services' consumer groups have committed offsets ({sorted(have)})",
                f"none for {missing}")
        r.check(not behind, f"{name} consumer lag 0: every group consumed what its topics held at the check "
                            f"({len(target)} partitions of {len(have)} groups)", str(behind))

    # ---- the end
    def finish(self, burst, disrupted_until, extra, creates_must_finish=False):
        """The checks once everything settled (timed from the later of the disruption's end and the burst's last
        answer), the case's FIGURE line, then every server and volume deleted and nothing left."""
        burst.describe()
        self.check_all(burst, max(disrupted_until, max(op.ended or 0 for op in burst.ops)))
        if creates_must_finish:
            acc, done = self.figure.get("accepted", {}), self.figure.get("completed", {})
            self.r.check(acc.get("create") == done.get("create"), f"[{self.name}] every create accepted ends ACTIVE "
                                                                  f"({done.get('create')} of {acc.get('create')})")
        self.print_figure(burst, extra)
        self.delete_all()

    def delete_all(self):
        r, t, name = self.r, self.tenant, f"[{self.name}]"
        tt = e2e.now()
        left = t.delete_servers()
        r.check(not left, f"{name} all servers deleted ({e2e.now() - tt:.0f}s)", f"still there: {left[:5]}")
        ids = self.seen_servers | set(self.base)
        allocs = sql("compute", f"select server_id, host from allocation where server_id in {quoted(ids)}")
        r.check(not allocs, f"{name} after the deletes: no allocation of the project's servers", str(allocs[:5]))
        ports = sql("network", f"select id, device_id from port where network_id = '{t.network}' "
                               f"and device_owner like 'compute:%'")
        r.check(not ports, f"{name} after the deletes: no compute port on the network", str(ports[:5]))
        ips = sql("network", f"select ip_address from ip_allocation where network_id = '{t.network}' and "
                             f"(port_id is null or port_id in (select id from port where device_owner like 'compute:%'))")
        r.check(not ips, f"{name} after the deletes: no compute address allocated on the network", str(ips[:5]))
        atts = sql("volume", f"select id, volume_id from volume_attachment where project_id = '{t.project}'")
        r.check(not atts, f"{name} after the deletes: no volume attachment left", str(atts[:5]))
        for v in self.volumes:
            e2e.quietly("volume", lambda: e2e.call("DELETE", f"{self.volume_url}/volumes/{v}", t.token))
        deadline = e2e.now() + 60
        while e2e.now() < deadline and sql("volume", f"select id from volume where project_id = '{t.project}'"):
            time.sleep(2)
        self.volumes = [v[0] for v in sql("volume", f"select id from volume where project_id = '{t.project}'")]
        t.check_gone(self.baseline, self.vms, self.hosts)

    def cleanup(self):
        for v in self.volumes:
            e2e.quietly("volume", lambda: e2e.call("DELETE", f"{self.volume_url}/volumes/{v}", self.cloud.admin))
        self.tenant.cleanup()

    def print_figure(self, burst, extra):
        f = self.figure
        tally = burst.tally()
        kinds = {}
        for op in burst.ops:
            kinds[op.kind] = kinds.get(op.kind, 0) + 1
        acc, done = f.get("accepted", {}), f.get("completed", {})
        line = (f"FIGURE chaos {self.name}: {len(burst.ops)} operations ({kinds.get('create', 0)} creates, "
                f"{kinds.get('attach', 0)} attaches, {kinds.get('delete', 0)} deletes): answers {tally}; "
                f"accepted/completed creates {acc.get('create')}/{done.get('create')} ACTIVE, "
                f"attaches {acc.get('attach')}/{done.get('attach')} attached, deletes {acc.get('delete')}/"
                f"{done.get('delete')} gone; servers {f.get('states')}; settled {f.get('settle', 0):.0f}s after the "
                f"last disruption; {f.get('events')} events, {f.get('lost')} lost, {f.get('twice')} delivered twice; "
                f"{extra}")
        print(line, flush=True)
        FIGURES.append(line)


FIGURES = []
KAFKA = None


# ---------------------------------------------------------------- the cases

def case_kill(cloud, r, rng, args):
    victims = list(KILLED)
    agents = sorted(n for n in pids() if n.startswith("compute-agent-") and n != "compute-agent-real")
    if not r.check(bool(agents), f"[kill] a simulated host's agent runs ({agents})"):
        return
    victims.append(rng.choice(agents))
    missing = [v for v in victims if not e2e.pid_of(v)]
    if not r.check(not missing, f"[kill] every victim runs from its pid file: {victims}", f"not running: {missing}"):
        return
    case = Case("kill", cloud, r, rng, args, "10.81.0.0/24")
    try:
        case.prepare()
        burst = case.burst()
        kill_at = sorted(rng.uniform(1, args.window) for _ in victims)
        order = list(victims)
        rng.shuffle(order)
        e2e.log("kill schedule: " + ", ".join(f"{v} at +{t:.1f}s" for v, t in zip(order, kill_at)))
        pending, lock, ups = [], threading.Condition(), []
        done = threading.Event()

        def restarter():
            while True:
                with lock:
                    while not pending and not done.is_set():
                        lock.wait(0.5)
                    if not pending and done.is_set():
                        return
                    now_pending = list(pending)
                    pending.clear()
                t = e2e.now()
                rc = e2e.strato_up()
                ups.append((rc, e2e.now() - t, now_pending))
                still = [v for v in now_pending if not e2e.pid_of(v)]
                if still:
                    e2e.log(f"after strato up, still down: {still}; up again")
                    with lock:
                        pending.extend(still)
                if len(ups) > 20:
                    return

        rt = threading.Thread(target=restarter, daemon=True)
        rt.start()
        killed = {}
        burst.start()
        for victim, at in zip(order, kill_at):
            time.sleep(max(0.0, burst.t0 + at - e2e.now()))
            pid = e2e.pid_of(victim)
            if not pid:
                r.fail(f"[kill] {victim} runs at its kill time")
                continue
            os.kill(pid, signal.SIGKILL)
            gone = wait_gone(pid, 10)
            killed[victim] = (pid, e2e.now() - burst.t0)
            e2e.log(f"kill -9 {victim} (pid {pid}) at +{e2e.now() - burst.t0:.1f}s"
                    + ("" if gone else " (still there after 10 s)"))
            with lock:
                pending.append(victim)
                lock.notify()
        done.set()
        rt.join(args.settle + 600)
        recovered = e2e.now()
        burst_took = burst.join()
        e2e.log(f"burst over after {burst_took:.0f}s; the last victim runs again at +{recovered - burst.t0:.0f}s; "
                f"{len(ups)} strato up runs: {[(rc, round(t), p) for rc, t, p in ups]}")
        now_pids = pids()
        back = [v for v in victims if now_pids.get(v) and now_pids[v] != killed.get(v, (None,))[0]]
        r.check(len(back) == len(victims), f"[kill] all {len(victims)} victims killed once and running again "
                                           f"(new pids) after {len(ups)} strato up runs",
                f"not back: {sorted(set(victims) - set(back))}")
        fives = sum(1 for op in burst.ops if op.outcome == "5xx")
        case.finish(burst, recovered, f"{len(killed)} kills, {len(ups)} strato up runs "
                                      f"({sum(1 for rc, _, _ in ups if rc)} failed), {fives} 5xx answered while a "
                                      f"service was down, {sum(op.retries for op in burst.ops)} retries of refused or "
                                      f"cut calls; disruption over {recovered - burst.t0:.0f}s after the burst began")
    except Exception as ex:  # noqa: BLE001 - a crash of the test is a failure, and cleanup still runs
        r.fail("[kill] the case ran to its end", repr(ex))
    finally:
        restore(victims)
        case.cleanup()


def case_kafka(cloud, r, rng, args):
    pid = kafka_pid()
    if not r.check(pid is not None, f"[kafka] the broker runs from {e2e.STATE}/kafka.pid (started by deploy/local)"):
        return
    before = pids()
    case = Case("kafka", cloud, r, rng, args, "10.82.0.0/24")
    try:
        case.prepare()
        burst = case.burst()
        stop_at = rng.uniform(2, 6)
        peak = {db: 0 for db in DATABASES}
        hosts_down = set()
        sampling = threading.Event()

        def sampler():
            while not sampling.is_set():
                try:
                    for db, n in outbox_pending().items():
                        peak[db] = max(peak[db], n or 0)
                    for h, s in cloud.services().items():
                        if h in case.hosts and s["state"] == "down":
                            hosts_down.add(h)
                except Exception as ex:  # noqa: BLE001 - the sampler keeps sampling
                    e2e.log(f"sampler: {ex}")
                sampling.wait(2)

        burst.start()
        time.sleep(max(0.0, burst.t0 + stop_at - e2e.now()))
        os.kill(pid, signal.SIGTERM)
        if not wait_gone(pid, 30):
            os.kill(pid, signal.SIGKILL)
            wait_gone(pid, 10)
        t_down = e2e.now()
        e2e.log(f"kafka (pid {pid}) stopped at +{t_down - burst.t0:.1f}s; down for {args.kafka_down:.0f}s")
        th = threading.Thread(target=sampler, daemon=True)
        th.start()
        time.sleep(max(0.0, t_down + args.kafka_down - e2e.now()))
        t_up = e2e.now()
        rc = e2e.strato_up()
        recovered = e2e.now()
        sampling.set()
        th.join(10)
        r.check(rc == 0 and kafka_pid() not in (None, pid), f"[kafka] strato up started the broker again "
                                                            f"({recovered - t_up:.0f}s)")
        burst.join()
        sent = burst.started((t_down, t_up))
        answered = sum(1 for op in sent if op.outcome in ("ok", "4xx"))
        slow = max([op.ended - op.started for op in sent] or [0])
        r.check(sent and answered == len(sent), f"[kafka] the API answered every operation sent while Kafka was down, "
                                                f"none with a 5xx ({burst.tally((t_down, t_up))}; slowest {slow:.1f}s)",
                "; ".join(f"{op.label()}: {op.outcome} {op.status or ''} {op.detail or ''}" for op in sent
                          if op.outcome not in ("ok", "4xx"))[:600])
        r.check(sum(peak.values()) > 0, f"[kafka] outbox rows piled up while Kafka was down (peak {peak})")
        same = {n: p for n, p in pids().items() if before.get(n) == p}
        r.check(len(same) == len(before), f"[kafka] no service or agent was restarted ({len(before)} pids unchanged)",
                f"restarted: {sorted(set(before) - set(same))}")
        case.finish(burst, recovered, f"Kafka down {t_up - t_down:.0f}s (+{recovered - t_up:.0f}s to restart); "
                                      f"{answered} operations answered meanwhile (slowest {slow:.1f}s); outbox peak "
                                      f"{ {k: v for k, v in peak.items() if v} }; hosts seen down: "
                                      f"{sorted(hosts_down) or 'none'}", creates_must_finish=True)
    except Exception as ex:  # noqa: BLE001 - a crash of the test is a failure, and cleanup still runs
        r.fail("[kafka] the case ran to its end", repr(ex))
    finally:
        if kafka_pid() is None and e2e.cloud_running():
            e2e.log("kafka is not running: starting it again")
            e2e.strato_up()
        case.cleanup()


def case_postgres(cloud, r, rng, args):
    version = pg_version()
    before = pids()
    if not r.check(len(before) >= 6, f"[postgres] the services run from their pid files ({len(before)} processes)"):
        return
    case = Case("postgres", cloud, r, rng, args, "10.83.0.0/24")
    stopped = False
    try:
        case.prepare()
        others = sql("postgres", "select datname, count(*) from pg_stat_activity where datname like '%\\_test' "
                                 "group by datname")
        if others:
            e2e.log(f"WARNING: connections to test databases on this PostgreSQL ({others}): the restart cuts them")
        burst = case.burst()
        stop_at = rng.uniform(2, 8)
        burst.start()
        time.sleep(max(0.0, burst.t0 + stop_at - e2e.now()))
        p = e2e.sh(*as_root("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop"),
                   timeout=120)
        stopped = True
        t_down = e2e.now()
        r.check(p.returncode == 0, f"[postgres] PostgreSQL {version}/main stopped at +{t_down - burst.t0:.1f}s",
                p.stderr[-300:])
        time.sleep(max(0.0, t_down + args.pg_down - e2e.now()))
        t_up = e2e.now()
        rc = e2e.strato_up()
        stopped = rc != 0
        pg_back = e2e.now()
        r.check(rc == 0, f"[postgres] strato up started PostgreSQL again after {t_up - t_down:.0f}s down "
                         f"({pg_back - t_up:.0f}s)")
        recovery = {}
        for name, port in SERVICES.items():
            took = ready(port, 120)
            recovery[name] = None if took is None else round(e2e.now() - pg_back, 1)
        r.check(all(v is not None for v in recovery.values()), f"[postgres] every service ready again "
                                                               f"(seconds after PostgreSQL: {recovery})")
        # a request of each service that needs its database
        t = case.tenant
        works = {}
        checks = {"compute-service": lambda: e2e.call("GET", f"{cloud.compute}/servers", t.token),
                  "network-service": lambda: e2e.call("GET", f"{cloud.network}/networks", t.token),
                  "volume-service": lambda: e2e.call("GET", f"{case.volume_url}/volumes", t.token),
                  "image-service": lambda: e2e.call("GET", f"{cloud.image}/images", t.token),
                  "identity-service": lambda: cloud.token(t.name, t.password, {"id": t.project})}
        for name, fn in checks.items():
            deadline = e2e.now() + 60
            while True:
                try:
                    fn()
                    works[name] = round(e2e.now() - pg_back, 1)
                    break
                except Exception as ex:  # noqa: BLE001 - not recovered yet
                    if e2e.now() > deadline:
                        works[name] = f"failing: {ex}"[:160]
                        break
                    time.sleep(1)
        r.check(all(isinstance(v, float) for v in works.values()),
                f"[postgres] every service serves from its database again (seconds after PostgreSQL: {works})")
        burst.join()
        after = pids()
        same = [n for n, p in before.items() if after.get(n) == p]
        r.check(len(same) == len(before), f"[postgres] no service or agent was restarted ({len(same)} of "
                                          f"{len(before)} pids unchanged)",
                f"restarted: {sorted(n for n in before if after.get(n) != before[n])}")
        # a failure while the database is away is a 503 (unavailable, retry later) with a fault body; a 500 says the
        # service did not recognise the outage (an "unexpected error")
        unclean = [f"{op.label()} at +{op.started - burst.t0:.1f}s: {op.outcome} {op.status or ''} {op.detail or ''}"
                   for op in burst.ops if op.outcome not in ("ok", "4xx")
                   and not (op.status == 503 and looks_like_fault(op.detail))]
        r.check(not unclean, f"[postgres] every operation was answered: done, refused (4xx) or 503 with a fault body "
                             f"({burst.tally()})", "; ".join(unclean)[:900])
        case.finish(burst, pg_back, f"PostgreSQL down {t_up - t_down:.0f}s (+{pg_back - t_up:.0f}s strato up); "
                                    f"services serving again after {works}; pids unchanged {len(same)}/{len(before)}")
    except Exception as ex:  # noqa: BLE001 - a crash of the test is a failure, and cleanup still runs
        r.fail("[postgres] the case ran to its end", repr(ex))
    finally:
        if stopped:
            e2e.log("PostgreSQL may still be stopped: strato up")
            e2e.strato_up()
        case.cleanup()


# ---------------------------------------------------------------- disk full

FILLER = ".strato-chaos-disk-filler"
VOLUME_MESSAGES = "volume 3.3"  # Cinder's /messages needs microversion 3.3


class FullDisk:
    """A directory of the cloud made full in place: an overlay mounted on the directory itself, lower layer the
    directory as it is (nothing hidden or moved), upper layer a tmpfs of `size` that takes every new write; fill()
    uses the tmpfs up with a filler file written straight into the upper layer, free() removes it. unmount() takes
    the overlay and the tmpfs off: the directory is as it was, and whatever was written through the overlay is gone
    with the tmpfs (the case deletes what it made first)."""

    def __init__(self, directory, size):
        self.directory, self.size = directory, size
        self.tmp = self.upper = None
        self.mounts = []

    def mount(self):
        d = self.directory
        os.makedirs(d, exist_ok=True)
        if os.path.ismount(d):
            raise RuntimeError(f"{d} is a mount point already (an earlier run's overlay? umount it first)")
        self.tmp = tempfile.mkdtemp(prefix="strato-chaos-disk-")
        mount("tmpfs", "-o", f"size={self.size}", "tmpfs", self.tmp)
        self.mounts.append(self.tmp)
        self.upper, work = os.path.join(self.tmp, "upper"), os.path.join(self.tmp, "work")
        os.mkdir(self.upper)
        os.mkdir(work)
        st = os.stat(d)  # the overlay's root takes the upper directory's owner and mode: the directory's own
        os.chown(self.upper, st.st_uid, st.st_gid)
        os.chmod(self.upper, st.st_mode & 0o7777)
        mount("overlay", "-o", f"lowerdir={d},upperdir={self.upper},workdir={work}", "overlay", d)
        self.mounts.append(d)

    def fill(self):
        """Writes the filler until the tmpfs says ENOSPC; returns the bytes it took."""
        written = 0
        block = b"\0" * 65536
        with open(os.path.join(self.upper, FILLER), "ab", buffering=0) as f:
            while True:
                try:
                    written += f.write(block)
                except OSError as ex:
                    if ex.errno != 28:  # ENOSPC: full, as wanted
                        raise
                    break
        return written

    def free(self):
        if self.upper and os.path.exists(os.path.join(self.upper, FILLER)):
            os.remove(os.path.join(self.upper, FILLER))

    def written(self):
        """What the services left in the upper layer (besides the filler): files made or changed meanwhile."""
        if not self.upper:
            return []
        return sorted(n for n in os.listdir(self.upper) if n != FILLER)

    def names(self, prefix=""):
        return sorted(n for n in os.listdir(self.directory) if n.startswith(prefix) and n != FILLER)

    def unmount(self):
        """Takes off the overlay, then the tmpfs; True when both came off cleanly (a busy overlay is retried for
        60 s, then detached lazily and reported)."""
        clean = True
        for target in reversed(self.mounts):
            deadline = e2e.now() + 60
            while True:
                r = e2e.sh(*as_root("umount", target), timeout=60)
                if r.returncode == 0 or not os.path.ismount(target):
                    break
                if e2e.now() > deadline:
                    e2e.log(f"umount {target}: {r.stderr.strip()}; detaching it lazily (umount -l)")
                    e2e.sh(*as_root("umount", "-l", target), timeout=60)
                    clean = False
                    break
                time.sleep(2)
        self.mounts = []
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = self.upper = None
        return clean


def mount(kind, option, value, source, target):
    r = e2e.sh(*as_root("mount", "-t", kind, option, value, source, target), timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"mount -t {kind} on {target}: {(r.stderr or r.stdout).strip()}")


def raw_call(method, url, token, body=None, raw=None, headers=None, timeout=120):
    """One HTTP call that never raises for a status: (status, parsed JSON or text, headers)."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    req.add_header("Content-Type", "application/octet-stream" if raw is not None else "application/json")
    req.add_header("X-Auth-Token", token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, content, h = r.status, r.read(), r.headers
    except urllib.error.HTTPError as ex:
        status, content, h = ex.code, ex.read(), ex.headers
    text = content.decode(errors="replace")
    try:
        return status, (json.loads(text) if text else None), h
    except ValueError:
        return status, text, h


def wait_for(what, fn, seconds=120):
    """fn() until it returns something true; that value, or None after `seconds`."""
    deadline = e2e.now() + seconds
    while True:
        got = fn()
        if got or e2e.now() > deadline:
            return got
        time.sleep(1)


def qemu_info(path):
    r = e2e.sh("qemu-img", "info", "-U", "--output=json", path, timeout=60)
    return json.loads(r.stdout) if r.returncode == 0 else {"error": r.stderr.strip()}


def case_disk(cloud, r, rng, args):
    if not r.check(os.geteuid() == 0, "[disk] runs as root (it mounts a tmpfs and an overlay)"):
        return
    if not r.check(bool(e2e.pid_of("image-service") and e2e.pid_of("volume-service")),
                   "[disk] image-service and volume-service run from deploy/local's pid files"):
        return
    images_dir, volumes_dir = os.path.join(e2e.STATE, "images"), os.path.join(e2e.STATE, "volumes")
    store, vols = FullDisk(images_dir, args.disk_size), FullDisk(volumes_dir, args.disk_size)
    member = e2e.Member(cloud, f"e2e-chaos-disk-{rng.getrandbits(32):08x}")
    token, image_url = member.token, cloud.image
    volume_url = f"{cloud.identity.rsplit('/identity', 1)[0]}/volume/v3/{member.project}"
    made_images, made_volumes, made_snapshots = [], [], []
    witness = None
    fig = {}
    pids_before = pids()

    def new_image(name, disk_format="raw"):
        _, i, _ = e2e.call("POST", image_url + "/images", token, {"name": name, "disk_format": disk_format,
                                                                  "container_format": "bare"})
        made_images.append(i["id"])
        return i["id"]

    def image(iid):
        st, b, _ = raw_call("GET", f"{image_url}/images/{iid}", token)
        return b if st == 200 else {"status": f"HTTP {st}"}

    def volume(vid):
        st, b, _ = raw_call("GET", f"{volume_url}/volumes/{vid}", token)
        return b["volume"] if st == 200 else {"status": f"HTTP {st}"}

    def volume_becomes(vid, wanted, seconds=120):
        """The volume once its status is one of `wanted`, or None after `seconds`."""
        def settled():
            v = volume(vid)
            return v if v["status"] in wanted else None
        return wait_for(f"volume {vid} {wanted}", settled, seconds)

    def new_volume(body):
        _, v, _ = e2e.call("POST", volume_url + "/volumes", token, {"volume": body})
        made_volumes.append(v["volume"]["id"])
        return v["volume"]["id"]

    def message(resource, event_id):
        _, b, _ = raw_call("GET", volume_url + "/messages", token, headers={"OpenStack-API-Version": VOLUME_MESSAGES})
        found = [m for m in (b or {}).get("messages", []) if m["resource_uuid"] == resource and m["event_id"] == event_id]
        return found[0]["user_message"] if found else None

    try:
        # ---- before: a witness image in the store as it is (the overlay's lower layer)
        data = rng.randbytes(256 * 1024)
        witness = new_image("chaos-disk-witness")
        e2e.call("PUT", f"{image_url}/images/{witness}/file", token, raw=data)
        made_images.remove(witness)  # deleted after the overlays are off: it lives in the directory itself
        md5 = hashlib.md5(data).hexdigest()
        listed = {d.directory: d.names() for d in (store, vols)}
        store.mount()
        vols.mount()
        e2e.log(f"overlays with {args.disk_size} tmpfs upper layers on {images_dir} and {volumes_dir}")

        # ---- the image store full
        fig["store filler"] = store.fill()
        full = new_image("chaos-disk-full")
        payload = rng.randbytes(256 * 1024)  # small: the answer comes before much of it is sent
        t = e2e.now()
        try:
            st, b, h = raw_call("PUT", f"{image_url}/images/{full}/file", token, raw=payload)
        except OSError as ex:  # the connection cut instead of an answer: a failure the check below reports
            st, b, h = f"cut ({ex!r})", None, {}
        fig["upload"] = f"{st} in {e2e.now() - t:.1f}s"
        err = b.get("error", {}) if isinstance(b, dict) else {}
        r.check(st == 413 and err.get("code") == 413 and err.get("title") == "Request Entity Too Large"
                and str(err.get("message", "")).startswith("Image storage media is full"),
                "[disk] an upload into the full image store: Glance's 413 'Image storage media is full'", f"{st} {b}")
        rid = h.get("x-openstack-request-id") or ""
        r.check(rid.startswith("req-"), f"[disk] the 413 carries a request id ({rid})")
        shown = image(full)
        fig["image after"] = (f"{shown.get('status')}, size {shown.get('size')}, checksum "
                              f"{'set' if shown.get('checksum') else 'none'}")
        r.check(shown.get("status") == "queued" and shown.get("size") is None and shown.get("checksum") is None
                and shown.get("os_hash_value") is None,
                "[disk] the image is queued again with no size, checksum or hash (API)", str(shown)[:300])
        row = sql("image", f"select status, coalesce(size::text, ''), coalesce(checksum, ''), "
                           f"coalesce(store_location, '') from image where id = '{full}'")
        r.check(row == [["queued", "", "", ""]], "[disk] ... and in image-service's database", str(row))
        left = store.names(full) + [n for n in store.written() if n.startswith(full)]
        fig["store files left"] = len(left)
        r.check(not left, "[disk] no file of the refused upload in the store (neither whole nor .partial)", str(left))
        req = urllib.request.Request(f"{image_url}/images/{witness}/file", headers={"X-Auth-Token": token})
        with urllib.request.urlopen(req, timeout=120) as resp:
            got = hashlib.md5(resp.read()).hexdigest()
        r.check(got == md5, "[disk] the image stored before downloads whole while the store is full")
        store.free()
        st, b, _ = raw_call("PUT", f"{image_url}/images/{full}/file", token, raw=payload)
        shown = image(full)
        fig["retry"] = f"{st} {shown.get('status')}"
        r.check(st == 204 and shown.get("status") == "active" and shown.get("checksum") == hashlib.md5(payload).hexdigest(),
                "[disk] with room again the same upload is 204 and the image active with its checksum", f"{st} {shown}")

        # ---- the volume directory full
        w = new_volume({"size": 1, "name": "chaos-disk-w"})
        ok = volume_becomes(w, ("available",))
        w_file = os.path.join(volumes_dir, f"volume-{w}.qcow2")
        if not r.check(bool(ok) and os.path.exists(w_file),
                       f"[disk] a volume before the filler: available, in {volumes_dir} (the local backend)",
                       f"{volume(w).get('status')}, file {'there' if os.path.exists(w_file) else 'missing'}"):
            return
        fig["volume filler"] = vols.fill()
        outcomes = {}

        blank = new_volume({"size": 1, "name": "chaos-disk-blank"})
        got = volume_becomes(blank, ("error", "available"))
        outcomes["create"] = (got or {}).get("status")
        r.check(outcomes["create"] == "error" and message(blank, "VOLUME_VOLUME_008_012"),
                "[disk] a blank volume in the full directory ends in error with Cinder's message 008_012",
                f"{outcomes['create']}, messages {message(blank, 'VOLUME_VOLUME_008_012')}")

        from_image = new_volume({"size": 1, "name": "chaos-disk-from-image", "imageRef": witness})
        got = volume_becomes(from_image, ("error", "available"))
        outcomes["from image"] = (got or {}).get("status")
        r.check(outcomes["from image"] == "error" and message(from_image, "VOLUME_VOLUME_005_007"),
                "[disk] a volume from an image ends in error with 005_007 (image exceeds available space)",
                f"{outcomes['from image']}")

        _, sb, _ = e2e.call("POST", volume_url + "/snapshots", token, {"snapshot": {"volume_id": w, "name": "chaos-disk"}})
        snap = sb["snapshot"]["id"]
        made_snapshots.append(snap)

        def snapshot_settled():
            st, b, _ = raw_call("GET", f"{volume_url}/snapshots/{snap}", token)
            status = b["snapshot"]["status"] if st == 200 else f"HTTP {st}"
            return status if status in ("error", "available") else None
        outcomes["snapshot"] = wait_for("snapshot settles", snapshot_settled)
        info = qemu_info(w_file)
        r.check(outcomes["snapshot"] == "error" and message(snap, "VOLUME_VOLUME_SNAPSHOT_009_013")
                and volume_becomes(w, ("available",), 30) and "backing-filename" not in info
                and info.get("virtual-size") == 1 << 30,
                "[disk] a snapshot ends in error with 009_013; its volume is available in its own file (no overlay)",
                f"snapshot {outcomes['snapshot']}, volume {volume(w).get('status')}, file {info}")

        _, ub, _ = e2e.call("POST", f"{volume_url}/volumes/{w}/action", token,
                            {"os-volume_upload_image": {"image_name": "chaos-disk-upload", "disk_format": "qcow2"}})
        uploaded = ub["os-volume_upload_image"]["image_id"]
        made_images.append(uploaded)
        back = volume_becomes(w, ("available", "error"))
        gone = wait_for("the image of the failed upload deleted", lambda: image(uploaded)["status"] == "HTTP 404", 60)
        outcomes["upload"] = f"{(back or {}).get('status')}, image {'deleted' if gone else image(uploaded)['status']}"
        r.check(bool(back) and back["status"] == "available" and gone and message(w, "VOLUME_VOLUME_003_004"),
                "[disk] an upload to an image goes back to available, its image deleted, with 003_004", outcomes["upload"])

        e2e.call("POST", f"{volume_url}/volumes/{w}/action", token, {"os-extend": {"new_size": 2}})
        got = volume_becomes(w, ("error_extending", "available"))
        outcomes["extend"] = f"{(got or {}).get('status')} at {(got or {}).get('size')} GiB"
        r.check(bool(got) and got["status"] == "error_extending" and got["size"] == 1
                and qemu_info(w_file).get("virtual-size") == 1 << 30 and message(w, "VOLUME_VOLUME_007_010"),
                "[disk] an extend ends in error_extending at the old size with 007_010", outcomes["extend"])

        leftovers = [n for n in vols.names() + vols.written()
                     if any(x in n for x in (blank, from_image, snap, uploaded))]
        fig["volume files left"] = len(leftovers)
        r.check(not leftovers, "[disk] no file of the failed creates, download, snapshot or upload in the directory",
                str(leftovers))

        vols.free()
        after = new_volume({"size": 1, "name": "chaos-disk-after"})
        got = volume_becomes(after, ("available", "error"))
        outcomes["create with room"] = (got or {}).get("status")
        r.check(outcomes["create with room"] == "available", "[disk] with room again a volume is available")
        fig["volumes"] = outcomes
    except Exception as ex:  # noqa: BLE001 - a crash of the test is a failure, and the restore still runs
        r.fail("[disk] the case ran to its end", repr(ex))
    finally:
        store.free()
        vols.free()
        for sid in made_snapshots:
            e2e.quietly("snapshot", lambda: e2e.call("DELETE", f"{volume_url}/snapshots/{sid}", token))
        wait_for("snapshots gone", lambda: all(raw_call("GET", f"{volume_url}/snapshots/{s}", token)[0] == 404
                                                for s in made_snapshots), 60)
        for vid in made_volumes:
            e2e.quietly("volume", lambda: e2e.call("DELETE", f"{volume_url}/volumes/{vid}", token))
        for iid in made_images:
            e2e.quietly("image", lambda: raw_call("DELETE", f"{image_url}/images/{iid}", token))
        wait_for("volumes gone", lambda: all(volume(v)["status"] == "HTTP 404" for v in made_volumes), 120)
        if store.mounts or vols.mounts:
            written = {"image store": store.written(), "volume directory": vols.written()}
            fig["left in upper layers"] = sum(len(v) for v in written.values())
            r.check(not any(written.values()), "[disk] after the deletes the upper layers hold only the fillers: "
                                               "the services removed everything they wrote", str(written))
            clean = [store.unmount(), vols.unmount()]
            r.check(all(clean), f"[disk] the overlays and tmpfs are off {images_dir} and {volumes_dir}")
            now_listed = {d.directory: d.names() for d in (store, vols)}
            r.check(now_listed == listed, "[disk] each directory lists the same files as before the case",
                    str({d: sorted(set(listed[d]) ^ set(now_listed[d])) for d in listed}))
        if witness:
            e2e.quietly("image", lambda: e2e.call("DELETE", f"{image_url}/images/{witness}", token))
        member.delete()
        same = [n for n, p in pids().items() if pids_before.get(n) == p]
        r.check(len(same) == len(pids_before), f"[disk] no service was restarted ({len(same)} pids unchanged)")
    vol = fig.get("volumes", {})
    line = (f"FIGURE chaos disk: image store full (overlay, {args.disk_size} tmpfs): upload answered "
            f"{fig.get('upload')}, image then {fig.get('image after')}, {fig.get('store files left')} files of it "
            f"left, the stored image intact, the same upload after room {fig.get('retry')}; volume directory full: "
            f"create {vol.get('create')}, from image {vol.get('from image')}, snapshot {vol.get('snapshot')}, upload "
            f"{vol.get('upload')}, extend {vol.get('extend')}, {fig.get('volume files left')} files left, a create "
            f"after room {vol.get('create with room')}; {fig.get('left in upper layers')} files left in the upper "
            f"layers after the deletes")
    print(line, flush=True)
    FIGURES.append(line)


def looks_like_fault(body):
    try:
        return isinstance(json.loads(body or ""), dict)
    except ValueError:
        return bool(body) and body.lstrip().startswith("{")  # cut at 200 characters


def restore(names):
    """Starts again what the case killed and is still down."""
    down = [n for n in names if not e2e.pid_of(n)]
    if down:
        e2e.log(f"still down: {down}: strato up")
        e2e.strato_up()


CASES = {"kill": case_kill, "kafka": case_kafka, "postgres": case_postgres, "disk": case_disk}
# run when no --case is given (disk mounts over the cloud's directories: only when asked for)
DEFAULT_CASES = ("kill", "kafka", "postgres")


def main():
    global KAFKA
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", action="append", choices=list(CASES), help="a case to run (repeatable; default all)")
    ap.add_argument("--seed", type=int, default=None, help="the seed of the random moments (default: random, printed)")
    ap.add_argument("--window", type=float, default=30.0, help="seconds over which the burst's operations start")
    ap.add_argument("--base", type=int, default=10, help="servers made before the burst (attach and delete targets)")
    ap.add_argument("--volumes", type=int, default=7, help="volumes made before the burst (one attach each)")
    ap.add_argument("--flavor", default="m1.tiny")
    ap.add_argument("--kafka-down", type=float, default=60.0, help="seconds the broker stays down")
    ap.add_argument("--pg-down", type=float, default=10.0, help="seconds PostgreSQL stays down")
    ap.add_argument("--disk-size", default="16m", help="the tmpfs of each full directory (disk case; mount's size=)")
    ap.add_argument("--settle", type=float, default=e2e.BUILD_TIMEOUT + 60,
                    help="seconds to wait for everything to settle (default: the build timeout + 60)")
    args = ap.parse_args()
    if args.volumes > min(args.base, 7):
        ap.error("--volumes must be at most 7 and at most --base")
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    e2e.log(f"chaos seed {seed} (rerun with --seed {seed})")
    e2e.raise_on_sigterm()
    r = e2e.Report("chaos")
    cloud = e2e.Cloud()
    cases = args.case or list(DEFAULT_CASES)
    if any(name != "disk" for name in cases):  # the burst cases' servers and their Kafka counts
        if not e2e.only_agent_hosts(cloud, r):
            return r.exit()
        KAFKA = Kafka()
    for name in cases:
        t = e2e.now()
        e2e.log(f"#### chaos case {name}")
        CASES[name](cloud, r, random.Random(f"{seed}-{name}"), args)
        e2e.log(f"#### chaos case {name}: {e2e.now() - t:.0f}s")
    print(f"chaos seed {seed}")
    for line in FIGURES:
        print(line)
    return r.exit()


if __name__ == "__main__":
    sys.exit(main())
