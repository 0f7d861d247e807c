"""Shared client and checks of the end-to-end tests (tests/e2e/*.py), standard library only.

The tests drive a running local cloud (deploy/local/strato up) through the gateway, as the admin of
`eval "$(deploy/local/strato env)"` (OS_* variables) and as a member user of a project each test makes for
itself. A Tenant owns everything a test creates (project, user, network, subnet, image, flavors, server
groups, servers) and removes it in cleanup(), also after a failure.

Checks print "ok   <what>" or "FAIL <what>: <why>"; a Report counts them and gives the exit status.
"""
import concurrent.futures as cf
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
STATE = os.environ.get("STRATO_STATE") or os.path.join(REPO, ".strato")
if not os.path.isabs(STATE):
    STATE = os.path.abspath(STATE)
STRATO = os.path.join(REPO, "deploy", "local", "strato")

# compute-service's overcommit (AllocationRatios: Nova's defaults; deploy/local does not change them)
CPU_RATIO = float(os.environ.get("STRATO_E2E_CPU_RATIO", "16.0"))
RAM_RATIO = float(os.environ.get("STRATO_E2E_RAM_RATIO", "1.5"))
DISK_RATIO = float(os.environ.get("STRATO_E2E_DISK_RATIO", "1.0"))
# compute-service's strato.compute.build-timeout (SagaConfig, default 300 s): a build still in BUILD after it is ERROR
BUILD_TIMEOUT = float(os.environ.get("STRATO_E2E_BUILD_TIMEOUT", "300"))
# compute-service's strato.compute.service-down-time (HostLiveness, 60 s) + host monitor interval (10 s)
DOWN_TIME = float(os.environ.get("STRATO_E2E_SERVICE_DOWN_TIME", "60"))
MONITOR_INTERVAL = 10.0

COMPUTE_OWNER = "compute:"
# the simulated hosts' zone: servers are created in it, so none lands on a real host (STRATO_REAL_HOST's "real")
ZONE = os.environ.get("STRATO_E2E_ZONE", "nova")

# the real host of STRATO_REAL_HOST=1 (dataplane, vpc): its zone and name, the image its guests boot (`up` registers
# it) with its login user, and how long a guest may take from create to ssh under QEMU TCG
REAL_ZONE = os.environ.get("STRATO_E2E_REAL_ZONE", "real")
REAL_HOST = os.environ.get("STRATO_E2E_REAL_HOST", "strato-real-1")
TEST_IMAGE = os.environ.get("STRATO_E2E_IMAGE", "strato-tiny")
GUEST_USER = "strato"
BOOT_TIMEOUT = float(os.environ.get("STRATO_E2E_BOOT_TIMEOUT", "420"))


def now():
    return time.monotonic()


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


class ApiError(Exception):
    def __init__(self, method, url, status, body):
        super().__init__(f"{method} {url}: HTTP {status} {body[:300]!r}")
        self.status = status
        self.body = body


class Report:
    """Counts ok/FAIL lines; exit() is 0 only when every check passed and at least one ran."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0
        self.t0 = now()

    def ok(self, what):
        self.passed += 1
        print(f"ok   {what}", flush=True)

    def fail(self, what, why=""):
        self.failed += 1
        print(f"FAIL {what}" + (f": {why}" if why else ""), flush=True)

    def check(self, cond, what, why=""):
        (self.ok if cond else self.fail)(what, *([] if cond else [why]))
        return cond

    def exit(self):
        took = now() - self.t0
        print(f"{self.name}: {self.passed} passed, {self.failed} failed ({took:.0f}s)", flush=True)
        return 0 if self.failed == 0 and self.passed > 0 else 1


def call(method, url, token=None, body=None, raw=None, headers=None, timeout=60):
    """One HTTP call; returns (status, json-or-None, headers). Raises ApiError for 4xx/5xx."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    req.add_header("Content-Type", "application/octet-stream" if raw is not None else "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            content = r.read()
            return r.status, (json.loads(content) if content else None), r.headers
    except urllib.error.HTTPError as e:
        raise ApiError(method, url, e.code, e.read().decode(errors="replace"))


def pct(values, p):
    """The p-th percentile of values (nearest rank)."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


def latency_line(name, values, width=38, digits=2):
    """One benchmark line: count, p50, p95, max and mean of values (seconds)."""
    w = digits + 4
    return (f"{name:<{width}} n={len(values):<3} p50={pct(values, 50):{w}.{digits}f}  "
            f"p95={pct(values, 95):{w}.{digits}f}  max={max(values):{w}.{digits}f}  "
            f"mean={statistics.mean(values):{w}.{digits}f} s")


def retrying(fn, seconds=120, what="call"):
    """fn() until it does not raise a connection error or a 5xx (a service restarting), for up to seconds."""
    deadline = now() + seconds
    while True:
        try:
            return fn()
        except ApiError as e:
            if e.status < 500 or now() > deadline:
                raise
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            if now() > deadline:
                raise
        time.sleep(1)


class Cloud:
    """The gateway's endpoints and the admin's token."""

    def __init__(self):
        auth = os.environ.get("OS_AUTH_URL", "").rstrip("/")
        if not auth.startswith(("http://127.", "http://localhost")) or not os.environ.get("OS_PASSWORD"):
            raise SystemExit('set the admin\'s OS_* variables: eval "$(deploy/local/strato env)" (loopback only)')
        self.identity = auth if auth.endswith("/v3") else auth + "/v3"
        gateway = auth.rsplit("/identity", 1)[0]
        self.compute = gateway + "/compute/v2.1"
        self.network = gateway + "/networking/v2.0"
        self.image = gateway + "/image/v2"
        self._flavors = {}
        self.admin_user = os.environ["OS_USERNAME"]
        self.admin_password = os.environ["OS_PASSWORD"]
        self.admin = self.token(self.admin_user, self.admin_password,
                                {"name": os.environ.get("OS_PROJECT_NAME", "admin"),
                                 "domain": {"name": os.environ.get("OS_PROJECT_DOMAIN_NAME", "Default")}},
                                os.environ.get("OS_USER_DOMAIN_NAME", "Default"))

    def token(self, user, password, project, domain="Default"):
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": user, "domain": {"name": domain}, "password": password}}}, "scope": {"project": project}}}
        _, _, h = retrying(lambda: call("POST", self.identity + "/auth/tokens", body=body))
        return h["X-Subject-Token"]

    # ---- admin views
    def hypervisors(self):
        """{host: hypervisor detail} of every compute host."""
        _, b, _ = retrying(lambda: call("GET", self.compute + "/os-hypervisors/detail", self.admin))
        return {h["service"]["host"]: h for h in b["hypervisors"]}

    def services(self):
        _, b, _ = retrying(lambda: call("GET", self.compute + "/os-services?binary=nova-compute", self.admin))
        return {s["host"]: s for s in b["services"]}

    def flavor(self, ref):
        if ref not in self._flavors:
            _, b, _ = retrying(lambda: call("GET", f"{self.compute}/flavors/{ref}", self.admin))
            self._flavors[ref] = b["flavor"]
        return self._flavors[ref]

    def all_servers(self):
        """{id: server detail} of every project."""
        out = {}
        url = f"{self.compute}/servers/detail?all_tenants=1&limit=1000"
        while url:
            _, b, _ = retrying(lambda: call("GET", url, self.admin))
            out.update((s["id"], s) for s in b["servers"])
            nxt = [link["href"] for link in b.get("servers_links", []) if link.get("rel") == "next"]
            url = nxt[0] if nxt and b["servers"] else None
        return out

    def placed(self):
        """What every server of every project should hold: ({host: claimed usage}, {host: running domains}),
        or (None, running) when a server's flavor cannot be read any more (deleted)."""
        claims, running = {}, {}
        for s in self.all_servers().values():
            host = s.get("OS-EXT-SRV-ATTR:host")
            if not host:
                continue
            if s.get("OS-EXT-STS:power_state") in (1, 3):  # RUNNING, PAUSED: an active domain
                running[host] = running.get(host, 0) + 1
            if claims is None:
                continue
            try:
                f = self.flavor(s["flavor"]["id"])
            except ApiError:
                claims = None
                continue
            add(claims.setdefault(host, dict(ZERO)), flavor_usage(f))
        return claims, running


def over_capacity(hyps, hosts=None):
    """Hosts whose claimed usage exceeds capacity x allocation ratio: [(host, why)]."""
    out = []
    for host, h in hyps.items():
        if hosts is not None and host not in hosts:
            continue
        for used, total, ratio in (("memory_mb_used", "memory_mb", RAM_RATIO), ("vcpus_used", "vcpus", CPU_RATIO),
                                   ("local_gb_used", "local_gb", DISK_RATIO)):
            if h[used] > h[total] * ratio:
                out.append((host, f"{used}={h[used]} > {total}={h[total]} x {ratio}"))
    return out


ZERO = {"vcpus": 0, "ram": 0, "disk": 0}


def usage(h):
    return {"vcpus": h["vcpus_used"], "ram": h["memory_mb_used"], "disk": h["local_gb_used"]}


def flavor_usage(f):
    """What a server of flavor f claims (compute-service's RequestSpec.diskGb: root + ephemeral + swap in GB)."""
    return {"vcpus": f["vcpus"], "ram": f["ram"],
            "disk": f["disk"] + (f.get("OS-FLV-EXT-DATA:ephemeral") or 0) + ((f.get("swap") or 0) + 1023) // 1024}


def add(total, more):
    for k, v in more.items():
        total[k] = total.get(k, 0) + v
    return total


def sh(*args, timeout=60, check=False, env=None):
    """Runs a command; returns the CompletedProcess (text). check: raise when it fails."""
    r = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout, env=env)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {r.returncode} {r.stdout}{r.stderr}")
    return r


def ssh_argv(key, address, command, connect_timeout=3):
    """The ssh command line into a guest of the test image as its user, with the key, trusting any host key."""
    return ["ssh", "-i", key, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", f"ConnectTimeout={connect_timeout}", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
            f"{GUEST_USER}@{address}", command]


def quietly(what, fn):
    """fn(), logging instead of raising: cleanup reports and goes on."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - cleanup reports and goes on
        log(f"cleanup: {what}: {e}")


def raise_on_sigterm():
    """A SIGTERM (a timeout's kill) raises SystemExit in the main thread, so that a test's finally still cleans up."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(f"terminated (SIGTERM) at {time.strftime('%H:%M:%S')}"))


def delete_servers(cloud, ids, seconds=180):
    """Deletes the servers ids as the admin and waits until they are gone (or seconds pass); returns those left."""
    for sid in ids:
        quietly("server", lambda: call("DELETE", f"{cloud.compute}/servers/{sid}", cloud.admin))
    deadline = now() + seconds
    left = list(ids)
    while left and now() < deadline:
        time.sleep(2)
        still = []
        for sid in left:
            try:
                call("GET", f"{cloud.compute}/servers/{sid}", cloud.admin)
                still.append(sid)
            except ApiError as e:
                if e.status != 404:
                    still.append(sid)
            except OSError:
                still.append(sid)
        left = still
    return left


def console_output(cloud, token, sid):
    """The server's serial console so far (os-getConsoleOutput, what `openstack console log show` prints)."""
    _, o, _ = retrying(lambda: call("POST", f"{cloud.compute}/servers/{sid}/action", token, {"os-getConsoleOutput": {}}))
    return o.get("output") or ""


def active_image(cloud, name):
    """The id of the active image called name, or None."""
    _, b, _ = call("GET", f"{cloud.image}/images?name={name}&status=active", cloud.admin)
    return b["images"][0]["id"] if b["images"] else None


class Member:
    """A project of its own (name) with a user of the same name holding role member on it; delete() removes both."""

    def __init__(self, cloud, name):
        self.cloud = cloud
        self.name = name
        self.project = self.user = None
        c = cloud
        _, p, _ = call("POST", c.identity + "/projects", c.admin, {"project": {"name": name, "domain_id": "default"}})
        self.project = p["project"]["id"]
        try:  # a failure half-way must not leave the project (and user) behind
            self.password = "pw-" + uuid.uuid4().hex
            _, u, _ = call("POST", c.identity + "/users", c.admin, {"user": {
                "name": name, "domain_id": "default", "password": self.password, "default_project_id": self.project}})
            self.user = u["user"]["id"]
            _, roles, _ = call("GET", c.identity + "/roles?name=member", c.admin)
            call("PUT", f"{c.identity}/projects/{self.project}/users/{self.user}/roles/{roles['roles'][0]['id']}",
                 c.admin)
            self.token = c.token(name, self.password, {"id": self.project})
        except BaseException:
            self.delete()
            raise

    def delete(self):
        c = self.cloud
        if self.user:
            quietly("user", lambda: call("DELETE", f"{c.identity}/users/{self.user}", c.admin))
        if self.project:
            quietly("project", lambda: call("DELETE", f"{c.identity}/projects/{self.project}", c.admin))


class Cli:
    """The unmodified openstack client, as the admin of the OS_* environment or (member=) as a Member."""

    def __init__(self, member=None):
        self.env = dict(os.environ)
        if member:
            self.env.update(OS_USERNAME=member.name, OS_PASSWORD=member.password, OS_PROJECT_NAME=member.name,
                            OS_USER_DOMAIN_NAME="Default", OS_PROJECT_DOMAIN_NAME="Default")
            self.env.pop("OS_PROJECT_ID", None)

    def run(self, *args, timeout=180):
        """openstack ARGS; returns the CompletedProcess."""
        return sh("openstack", *args, timeout=timeout, env=self.env)

    def __call__(self, *args, timeout=180):
        """openstack ARGS, which must succeed; returns its stdout (raises with the client's message)."""
        r = self.run(*args, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(f"openstack {' '.join(args)}: exit {r.returncode}: {(r.stderr or r.stdout).strip()[-400:]}")
        return r.stdout

    def json(self, *args, timeout=180):
        """openstack ARGS -f json, parsed."""
        out = self(*args, "-f", "json", timeout=timeout)
        return json.loads(out) if out.strip() else None


def qcow2_image(path, size="64M"):
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", path, size], check=True)


class Tenant:
    """A project of its own with a member user, a network and subnet, a private image and quotas raised."""

    def __init__(self, cloud, label, report, instances=100, cidr="10.77.0.0/24", prefix="e2e"):
        self.cloud = cloud
        self.report = report
        self.run = uuid.uuid4().hex[:8]
        self.name = f"{prefix}-{label}-{self.run}"
        self.project = self.user = self.network = self.subnet = self.image = self.member = None
        self.flavors = []
        self.groups = []
        c = cloud
        self.member = Member(cloud, self.name)
        try:  # a failure half-way (a service restarting) must not leave the project and user behind
            self.project, self.user, self.password, self.token = (self.member.project, self.member.user,
                                                                   self.member.password, self.member.token)
            call("PUT", f"{c.compute}/os-quota-sets/{self.project}", c.admin, {"quota_set": {
                "instances": instances, "cores": -1, "ram": -1}})
            call("PUT", f"{c.network}/quotas/{self.project}", c.admin, {"quota": {"port": -1}})
            _, n, _ = call("POST", c.network + "/networks", self.token, {"network": {"name": self.name}})
            self.network = n["network"]["id"]
            _, s, _ = call("POST", c.network + "/subnets", self.token, {"subnet": {
                "network_id": self.network, "ip_version": 4, "cidr": cidr, "name": self.name}})
            self.subnet = s["subnet"]["id"]
            _, i, _ = call("POST", c.image + "/images", self.token, {
                "name": self.name, "disk_format": "qcow2", "container_format": "bare", "visibility": "private"})
            self.image = i["id"]
            with tempfile.TemporaryDirectory() as d:
                f = os.path.join(d, "disk.qcow2")
                qcow2_image(f)
                with open(f, "rb") as fh:
                    call("PUT", f"{c.image}/images/{self.image}/file", self.token, raw=fh.read())
        except BaseException:
            self.cleanup()
            raise
        log(f"tenant {self.name}: project {self.project}, network {self.network} ({cidr}), image {self.image}")

    # ---- resources
    def make_flavor(self, ram, vcpus=1, disk=1):
        name = f"{self.name}-{ram}"
        _, f, _ = call("POST", self.cloud.compute + "/flavors", self.cloud.admin, {"flavor": {
            "name": name, "ram": ram, "vcpus": vcpus, "disk": disk}})
        self.flavors.append(f["flavor"]["id"])
        return f["flavor"]

    def make_group(self, policy):
        _, g, _ = call("POST", self.cloud.compute + "/os-server-groups", self.token, {"server_group": {
            "name": f"{self.name}-{policy}", "policies": [policy]}})
        self.groups.append(g["server_group"]["id"])
        return g["server_group"]["id"]

    def create_server(self, name, flavor, group=None):
        """POST /servers as the member; returns (server id, seconds the POST took)."""
        body = {"server": {"name": name, "imageRef": self.image, "flavorRef": flavor, "availability_zone": ZONE,
                           "networks": [{"uuid": self.network}]}}
        if group:
            body["os:scheduler_hints"] = {"group": group}
        t = now()
        status, b, _ = call("POST", self.cloud.compute + "/servers", self.token, body, timeout=120)
        if status != 202:
            raise ApiError("POST", "/servers", status, json.dumps(b))
        return b["server"]["id"], now() - t

    def servers(self):
        """{id: server detail} of the project, as the admin sees them (with host)."""
        _, b, _ = retrying(lambda: call("GET", f"{self.cloud.compute}/servers/detail?all_tenants=1"
                                               f"&project_id={self.project}&limit=1000", self.cloud.admin))
        return {s["id"]: s for s in b["servers"]}

    def server(self, sid):
        try:
            _, b, _ = retrying(lambda: call("GET", f"{self.cloud.compute}/servers/{sid}", self.cloud.admin))
            return b["server"]
        except ApiError as e:
            if e.status == 404:
                return None
            raise

    def ports(self):
        _, b, _ = retrying(lambda: call("GET", f"{self.cloud.network}/ports?network_id={self.network}", self.cloud.admin))
        return b["ports"]

    def limits(self):
        _, b, _ = retrying(lambda: call("GET", f"{self.cloud.compute}/limits?tenant_id={self.project}", self.cloud.admin))
        return b["limits"]["absolute"]

    def action(self, sid, body):
        call("POST", f"{self.cloud.compute}/servers/{sid}/action", self.token, body)

    def wait_settled(self, ids, seconds, poll=2.0):
        """Waits until none of ids is in BUILD (or has a task); returns {id: server} (missing: gone)."""
        deadline = now() + seconds
        while True:
            all_servers = self.servers()
            mine = {i: all_servers.get(i) for i in ids}
            busy = [i for i, s in mine.items() if s is not None and (s["status"] == "BUILD" or s["OS-EXT-STS:task_state"])]
            if not busy or now() > deadline:
                return mine
            time.sleep(poll)

    def delete_servers(self, seconds=240):
        """Deletes every server of the project and waits until they are gone; returns the ids still there."""
        ids = list(self.servers())
        for sid in ids:
            try:
                retrying(lambda: call("DELETE", f"{self.cloud.compute}/servers/{sid}", self.token), seconds=60)
            except ApiError as e:
                if e.status not in (404, 409):
                    log(f"delete {sid}: {e}")
        deadline = now() + seconds
        left = ids
        while left and now() < deadline:
            time.sleep(2)
            present = self.servers()
            left = [i for i in left if i in present]
            # a server a delete reached mid-task (409) is deleted again once its task is over
            for sid in left:
                s = present[sid]
                if s["OS-EXT-STS:task_state"] is None:
                    try:
                        call("DELETE", f"{self.cloud.compute}/servers/{sid}", self.token)
                    except ApiError:
                        pass
        return left

    # ---- the invariants
    def check_consistency(self, baseline, what, hosts=None):
        """Claims, quota and ports of the project's servers agree (the servers are settled).

        baseline: {host: usage} of the hypervisors before the test made any server."""
        r = self.report
        servers = self.servers()
        flavor = self.cloud.flavor
        scope = sorted(set(hosts or baseline))
        mine = {}
        for s in servers.values():
            if s.get("OS-EXT-SRV-ATTR:host"):
                add(mine.setdefault(s["OS-EXT-SRV-ATTR:host"], dict(ZERO)), flavor_usage(flavor(s["flavor"]["id"])))
        self.check_claims(f"{what}: every host's claimed usage = the flavors of the servers placed on it "
                          f"(no leaked claim)", scope, baseline, mine)
        hyps = self.cloud.hypervisors()
        over = over_capacity(hyps, hosts)
        r.check(not over, f"{what}: no host over capacity x allocation ratio", "; ".join(f"{h}: {w}" for h, w in over))

        # quota: counted servers are those not deleted and not failed before getting a host
        counted = [s for s in servers.values() if not (s["status"] == "ERROR" and not s.get("OS-EXT-SRV-ATTR:host"))]
        lim = self.limits()
        want = {"totalInstancesUsed": len(counted),
                "totalCoresUsed": sum(flavor(s["flavor"]["id"])["vcpus"] for s in counted),
                "totalRAMUsed": sum(flavor(s["flavor"]["id"])["ram"] for s in counted)}
        got = {k: lim[k] for k in want}
        r.check(got == want, f"{what}: /limits usage matches the project's servers (no leaked quota)",
                f"limits {got}, servers {want}")

        # ports: every compute port belongs to an existing server; ACTIVE servers have their one port
        ports = self.ports()
        compute_ports = [p for p in ports if p["device_owner"].startswith(COMPUTE_OWNER)]
        orphans = [p["id"] for p in compute_ports if p["device_id"] not in servers]
        r.check(not orphans, f"{what}: no compute port whose server does not exist (no leaked port)",
                f"{len(orphans)} orphan port(s): {orphans[:5]}")
        by_server = {}
        for p in compute_ports:
            by_server.setdefault(p["device_id"], []).append(p)
        bad = []
        for sid, s in servers.items():
            if s["status"] != "ACTIVE":
                continue
            ps = by_server.get(sid, [])
            addrs = sorted(a["addr"] for net in s["addresses"].values() for a in net)
            port_addrs = sorted(ip["ip_address"] for p in ps for ip in p["fixed_ips"])
            if len(ps) != 1 or addrs != port_addrs:
                bad.append(f"{sid}: {len(ps)} port(s) {port_addrs}, server addresses {addrs}")
        r.check(not bad, f"{what}: every ACTIVE server has exactly one port, with the address the server shows",
                "; ".join(bad[:5]))
        addresses = [ip["ip_address"] for p in ports for ip in p["fixed_ips"]]
        dup = sorted({a for a in addresses if addresses.count(a) > 1})
        r.check(not dup, f"{what}: no address handed out twice ({len(addresses)} addresses on the network)",
                f"duplicates {dup}")
        return servers

    def check_claims(self, what, scope, baseline, mine, seconds=30):
        """Each host's claimed usage is what the servers placed on it hold. Other projects' servers may come and go
        meanwhile, so two views are tried, for up to `seconds`: the flavors of every server of every project on the
        host (all_tenants), or the host's usage at the start of the test plus the flavors of this test's servers."""
        deadline = now() + seconds
        while True:
            hyps = self.cloud.hypervisors()
            everyone, _ = self.cloud.placed()
            wrong_all = None if everyone is None else [
                f"{h}: used {usage(hyps[h])}, its servers hold {everyone.get(h, ZERO)}"
                for h in scope if h in hyps and usage(hyps[h]) != everyone.get(h, ZERO)]
            wrong_base = [f"{h}: used {usage(hyps[h])}, baseline + this test's servers "
                          f"{add(dict(baseline.get(h, ZERO)), mine.get(h, ZERO))}"
                          for h in scope if h in hyps
                          and usage(hyps[h]) != add(dict(baseline.get(h, ZERO)), mine.get(h, ZERO))]
            if wrong_all == [] or not wrong_base or now() > deadline:
                break
            time.sleep(3)
        how = "every project's servers" if wrong_all == [] else "baseline + this test's servers"
        return self.report.check(wrong_all == [] or not wrong_base, f"{what} [{how}]",
                                 "; ".join((wrong_all or []) + wrong_base))

    def check_gone(self, baseline, vms_baseline=None, hosts=None):
        """After every server was deleted: no port, claim, quota or domain left behind.

        vms_baseline: {host: running_vms} before the test; the agents report it with their heartbeat (10 s),
        so that check waits up to 45 s. Like check_claims, it accepts either view: as many running domains as
        servers of any project with a running power state on the host, or as many as at the start."""
        r = self.report
        scope = sorted(set(hosts or baseline))
        if vms_baseline:
            deadline = now() + 45
            while True:
                hyps = self.cloud.hypervisors()
                _, running = self.cloud.placed()
                wrong = [f"{h}: running_vms {hyps[h]['running_vms']}, baseline {b}, running servers {running.get(h, 0)}"
                         for h, b in vms_baseline.items() if h in hyps and (hosts is None or h in hosts)
                         and hyps[h]["running_vms"] not in (b, running.get(h, 0))]
                if not wrong or now() > deadline:
                    break
                time.sleep(3)
            r.check(not wrong, "after deleting every server: each host runs as many domains as before, or as its "
                               "servers say (no leaked domain)", "; ".join(wrong))
        leftover = [p["id"] for p in self.ports() if p["device_owner"].startswith(COMPUTE_OWNER)]
        r.check(not leftover, "after deleting every server: no compute port left on the network", str(leftover[:5]))
        lim = self.limits()
        got = {k: lim[k] for k in ("totalInstancesUsed", "totalCoresUsed", "totalRAMUsed")}
        r.check(all(v == 0 for v in got.values()), "after deleting every server: the project's quota usage is 0", str(got))
        self.check_claims("after deleting every server: every host's claimed usage is back to what the servers "
                          "on it hold", scope, baseline, {})

    def cleanup(self):
        """Removes everything the tenant made; best effort, never raises."""
        c = self.cloud
        if self.project:
            left = []
            quietly("servers", lambda: left.extend(self.delete_servers()))
            if left:
                log(f"cleanup: servers still there: {left}")
        for g in self.groups:
            quietly("server group", lambda: call("DELETE", f"{c.compute}/os-server-groups/{g}", c.admin))
        if self.network:
            def ports():
                for p in self.ports():
                    call("DELETE", f"{c.network}/ports/{p['id']}", c.admin)
            quietly("ports", ports)
            quietly("network", lambda: call("DELETE", f"{c.network}/networks/{self.network}", c.admin))
        if self.image:
            quietly("image", lambda: call("DELETE", f"{c.image}/images/{self.image}", c.admin))
        for f in self.flavors:
            quietly("flavor", lambda: call("DELETE", f"{c.compute}/flavors/{f}", c.admin))
        if self.member:
            self.member.delete()
        log(f"tenant {self.name}: cleaned up")


def agent_hosts():
    """Hosts whose agent deploy/local runs ($STRATO_STATE/compute-agent-N.pid: strato-host-N; -real: strato-real-1)."""
    out = set()
    for f in os.listdir(STATE) if os.path.isdir(STATE) else []:
        if f.startswith("compute-agent-") and f.endswith(".pid") and pid_of(f[:-4]) is not None:
            n = f[len("compute-agent-"):-4]
            out.add("strato-real-1" if n == "real" else f"strato-host-{n}")
    return out


def only_agent_hosts(cloud, report, zone=None):
    """Waits (up to service-down-time + 15 s) until every up host of the zone is one deploy/local runs an agent
    for. A host registered by a test's heartbeat on the same Kafka (compute-service/agent's AgentKafkaTest
    publishes host reports on strato.compute.reports) counts as up for a minute, and servers the scheduler puts
    there never build."""
    zone = zone or ZONE
    mine = agent_hosts()
    deadline = now() + DOWN_TIME + 15
    while True:
        foreign = [h for h in compute_hosts_up(cloud, zone) if h not in mine]
        if not foreign or now() > deadline:
            break
        log(f"hosts up in zone {zone} without a deploy/local agent (a test's heartbeat?): {foreign}; waiting")
        time.sleep(5)
    return report.check(not foreign, f"only hosts deploy/local runs agents for are up in zone {zone}",
                        f"{foreign} are up too: servers placed there would never build")


def compute_hosts_up(cloud, zone=None):
    """Names of the up and enabled compute hosts of a zone (default ZONE, the simulated hosts')."""
    zone = zone or ZONE
    svc = cloud.services()
    return sorted(h for h, s in svc.items() if s["state"] == "up" and s["status"] == "enabled" and s["zone"] == zone)


def parallel(fn, items, workers):
    with cf.ThreadPoolExecutor(workers) as ex:
        return list(ex.map(fn, items))


def pid_of(name):
    """The pid deploy/local wrote for a service, if that process still runs its jar."""
    try:
        pid = int(open(os.path.join(STATE, f"{name}.pid")).read().strip())
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
    except (OSError, ValueError):
        return None
    return pid if "quarkus-run.jar" in cmd else None


def cloud_running():
    """Whether the rest of the cloud still runs (identity-service and the gateway from deploy/local's pid files):
    a test only starts again what it killed, never a cloud someone else stopped meanwhile."""
    return pid_of("identity-service") is not None and pid_of("gateway") is not None


def strato_up():
    """deploy/local/strato up (starts only what is stopped); returns its exit status.

    With STRATO_E2E_UP_LOCK=<file>, up runs under `flock -o <file>` (a cloud several people restart). A cloud whose
    real host's agents run (compute-agent-real, network-agent-real) was started with STRATO_REAL_HOST=1: up gets it
    too, or it would restart those agents without the real host's environment."""
    t = now()
    env = dict(os.environ)
    if not env.get("STRATO_REAL_HOST") and (pid_of("compute-agent-real") or pid_of("network-agent-real")):
        env["STRATO_REAL_HOST"] = "1"
    argv = [STRATO, "up"]
    if os.environ.get("STRATO_E2E_UP_LOCK"):
        argv = ["flock", "-o", os.environ["STRATO_E2E_UP_LOCK"]] + argv
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    tail = [l for l in p.stdout.splitlines() if "ready on" in l or "build" in l or "error" in l.lower()]
    for line in tail[-12:]:
        print("    " + line, flush=True)
    log(f"strato up: exit {p.returncode} after {now() - t:.0f}s")
    if p.returncode != 0:
        print(p.stdout[-3000:], file=sys.stderr)
    return p.returncode
