"""The cloud under test: raw HTTP (no path normalisation), the admin, and the fuzz run's own project and resources."""
import http.client
import json
import os
import re
import socket
import sys
import time
import urllib.parse
import uuid

def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Response:
    def __init__(self, status, headers, body, error=None):
        self.status, self.headers, self.body, self.error = status, headers, body, error

    def header(self, name):
        return [v for k, v in self.headers if k.lower() == name]

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None


class Http:
    """One kept-alive connection; sends the target exactly as given."""

    def __init__(self, host, port, timeout=30):
        self.host, self.port, self.timeout, self.conn = host, port, timeout, None

    def close(self):
        if self.conn:
            self.conn.close()
        self.conn = None

    def send(self, method, target, headers=None, body=None):
        target = re.sub(r"[^\x21-\x7e]", lambda m: urllib.parse.quote(m.group(0)), target)  # http.client: ASCII
        for attempt in range(2):
            fresh = self.conn is None
            if fresh:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            c = self.conn
            try:
                c.putrequest(method, target, skip_accept_encoding=True)
                for k, v in (headers or {}).items():
                    if v is not None:
                        c.putheader(k, v)
                if body is not None:
                    c.putheader("Content-Length", str(len(body)))
                try:
                    c.endheaders(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # answered (413?) and closed before reading it all: read the answer
                r = c.getresponse()
                data = r.read()
                if r.will_close:
                    self.close()
                return Response(r.status, r.getheaders(), data)
            except socket.timeout:
                self.close()
                return Response(0, [], b"", f"no answer within {self.timeout} s")
            except (http.client.HTTPException, OSError) as e:
                self.close()
                if fresh or attempt:
                    return Response(0, [], b"", f"{type(e).__name__}: {e}")


class Cloud:
    OWN = {"network", "subnet", "port", "security_group", "router", "keypair", "image", "volume", "snapshot",
           "server"}
    READ_ONLY = {"flavor", "volume_type", "role", "domain", "public_image", "ext_network", "project", "user"}
    SEGMENT_KIND = {"networks": "network", "subnets": "subnet", "ports": "port", "security-groups": "security_group",
                    "routers": "router", "os-keypairs": "keypair", "images": "image", "volumes": "volume",
                    "snapshots": "snapshot", "servers": "server", "flavors": "flavor", "types": "volume_type",
                    "projects": "project", "users": "user", "roles": "role", "domains": "domain",
                    "os-quota-sets": "project", "quotas": "project", "os-volume_attachments": "volume",
                    "members": "project", "{collection}": "volume", "attachments": None}
    NAME_KIND = {"project_id": "project", "user_id": "user", "imageId": "image", "memberId": "project",
                 "volumeId": "volume", "router_id": "router", "actor": "user", "prior": "role", "implied": "role",
                 "role": "role", "tag": "tag", "key": "key", "collection": "collection", "label": "label",
                 "alias": "alias", "pattern": "pattern", "action": "action", "ext": "ext"}
    LITERALS = {"tag": "fuzz-tag", "key": "fuzz_key", "collection": "volumes", "alias": "router",
                "pattern": "strato", "action": "disable", "ext": ".json"}

    def __init__(self, seed):
        auth = os.environ.get("OS_AUTH_URL", "")
        u = urllib.parse.urlsplit(auth)
        if not auth or not os.environ.get("OS_PASSWORD"):
            raise SystemExit('set the admin\'s OS_* variables first: eval "$(deploy/local/strato env)"')
        self.http = Http(u.hostname, u.port or 80)
        self.base = f"http://{u.hostname}:{u.port or 80}"
        self.host = u.hostname
        self.seed, self.counter = seed, 0
        self.prefix = f"fuzz-{seed}-{uuid.uuid4().hex[:6]}"
        self.fx = {}
        self.deferred = []  # (path, token) of things made during the run that are still to delete
        self.member = None
        self.refresh()

    def refresh(self):
        """New tokens (a long run outlives them)."""
        scope = {"name": os.environ.get("OS_PROJECT_NAME", "admin"),
                 "domain": {"name": os.environ.get("OS_PROJECT_DOMAIN_NAME", "Default")}}
        self.admin, body = self.token(os.environ["OS_USERNAME"], os.environ["OS_PASSWORD"], scope,
                                      os.environ.get("OS_USER_DOMAIN_NAME", "Default"))
        self.admin_project, self.issued = body["token"]["project"]["id"], time.time()
        if self.member:
            self.member, _ = self.token(self.prefix, self.password, {"id": self.fx["project"]})

    # ---- calls
    def call(self, method, path, token, body=None, ok=True):
        headers = {"Accept": "application/json", "X-Auth-Token": token}
        if body is not None:
            headers["Content-Type"] = "application/json"
        r = self.http.send(method, path, headers, None if body is None else json.dumps(body).encode())
        if ok and not 200 <= r.status < 300:
            raise RuntimeError(f"{method} {path}: {r.status} {r.body[:200]!r}")
        return r.json() if r.body else None

    def token(self, user, password, scope, domain="Default"):
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": user, "domain": {"name": domain}, "password": password}}}, "scope": {"project": scope}}}
        r = self.http.send("POST", "/identity/v3/auth/tokens", {"Content-Type": "application/json"},
                           json.dumps(body).encode())
        if r.status != 201:
            raise RuntimeError(f"token for {user}: {r.status} {r.body[:200]!r}")
        return r.header("x-subject-token")[0], r.json()

    def name(self):
        self.counter += 1
        return f"{self.prefix}-{self.counter}"

    # ---- fixtures: what path parameters and plausible bodies name
    def kind_of(self, before, name):
        return self.NAME_KIND.get(name) or self.SEGMENT_KIND.get(before)

    def value(self, kind, admin=False):
        if kind == "project" and admin:
            return self.admin_project
        if kind == "label":
            return self.prefix
        return self.LITERALS.get(kind) or self.fx.get(kind)

    def plausible(self, name):
        fx, n = self.fx, self.seed % 200
        known = {"name": self.name, "network_id": fx.get("network"), "subnet_id": fx.get("subnet"),
                 "port_id": fx.get("port"), "security_group_id": fx.get("security_group"),
                 "router_id": fx.get("router"), "cidr": f"10.{n}.{self.counter % 250}.0/24", "ip_version": 4,
                 "imageRef": fx.get("public_image"), "flavorRef": fx.get("flavor"), "size": 1, "ram": 64,
                 "vcpus": 1, "disk": 1, "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                 "disk_format": "qcow2", "container_format": "bare", "visibility": "private",
                 "domain_id": "default", "project_id": fx.get("project"), "tenant_id": fx.get("project"),
                 "user_id": fx.get("user"), "volume_id": fx.get("volume"), "instance_uuid": fx.get("server"),
                 "password": "Fuzz-password-1", "key_name": fx.get("keypair"), "volume_uuid": fx.get("volume"),
                 "floating_network_id": fx.get("ext_network"), "policies": ["anti-affinity"], "policy": "affinity",
                 "networks": [{"uuid": fx.get("network")}] if fx.get("network") else None}
        v = known.get(name)
        return v() if callable(v) else v

    def setup(self):
        admin, p = self.admin, self.prefix
        proj = self.call("POST", "/identity/v3/projects", admin, {"project": {
            "name": p, "domain_id": "default", "description": "fuzz run (tests/fuzz), deleted at its end"}})
        self.fx["project"] = proj["project"]["id"]
        self.password = "pw-" + uuid.uuid4().hex
        user = self.call("POST", "/identity/v3/users", admin, {"user": {
            "name": p, "domain_id": "default", "password": self.password, "default_project_id": self.fx["project"]}})
        self.fx["user"] = user["user"]["id"]
        role = self.call("GET", "/identity/v3/roles?name=member", admin)["roles"][0]["id"]
        self.fx["role"], self.fx["domain"] = role, "default"
        self.call("PUT", f"/identity/v3/projects/{self.fx['project']}/users/{self.fx['user']}/roles/{role}", admin)
        self.member, _ = self.token(p, self.password, {"id": self.fx["project"]})
        m, pid = self.member, self.fx["project"]
        fx, net, vol = self.fx, "/networking/v2.0", f"/volume/v3/{pid}"
        steps = [  # kind, method, path, body (a function when it names an earlier fixture), what to take
            ("network", "POST", net + "/networks", {"network": {"name": p}}, "network"),
            ("subnet", "POST", net + "/subnets", lambda: {"subnet": {
                "network_id": fx["network"], "ip_version": 4, "cidr": "10.250.7.0/24", "name": p}}, "subnet"),
            ("port", "POST", net + "/ports", lambda: {"port": {"network_id": fx["network"], "name": p}}, "port"),
            ("security_group", "POST", net + "/security-groups", {"security_group": {"name": p}}, "security_group"),
            ("router", "POST", net + "/routers", {"router": {"name": p}}, "router"),
            ("ext_network", "GET", net + "/networks?router:external=true", None, lambda d: d["networks"][0]),
            ("keypair", "POST", "/compute/v2.1/os-keypairs", {"keypair": {"name": p}}, lambda d: {"id": p}),
            ("image", "POST", "/image/v2/images", {"name": p, "disk_format": "qcow2", "container_format": "bare",
                                                   "visibility": "private"}, lambda d: d),
            ("volume", "POST", vol + "/volumes", {"volume": {"size": 1, "name": p}}, "volume"),
            ("volume_type", "GET", vol + "/types/default", None, "volume_type"),
            ("flavor", "GET", "/compute/v2.1/flavors/detail", None,
             lambda d: min(d["flavors"], key=lambda f: (f["ram"], f["vcpus"], f["disk"]))),
            ("public_image", "GET", "/image/v2/images?visibility=public&status=active", None,
             lambda d: sorted(d["images"], key=lambda i: (i["name"] != "strato-tiny", i["name"]))[0]),
            ("server", "POST", "/compute/v2.1/servers", lambda: {"server": {
                "name": p, "imageRef": fx["public_image"], "flavorRef": fx["flavor"],
                "networks": [{"uuid": fx["network"]}]}}, "server"),
            ("snapshot", "POST", vol + "/snapshots", lambda: self.wait_volume() and {"snapshot": {
                "volume_id": fx["volume"], "name": p}}, "snapshot")]
        for kind, method, path, body, take in steps:
            try:
                doc = self.call(method, path, m, body() if callable(body) else body)
                item = take(doc) if callable(take) else doc[take]
                fx[kind] = item.get("id") or item["name"]
            except (RuntimeError, KeyError, IndexError, TypeError, ValueError) as e:
                log(f"fixture {kind}: none ({e}); its routes get made-up ids")
        log(f"project {p} ({pid}): " + ", ".join(f"{k} {v}" for k, v in sorted(fx.items())))

    def wait_volume(self, seconds=60):
        end = time.time() + seconds
        while time.time() < end and self.call("GET", f"/volume/v3/{self.fx['project']}/volumes/{self.fx['volume']}",
                                               self.member)["volume"]["status"] != "available":
            time.sleep(2)
        return True

    # ---- what the run made
    def forget(self, collection, rid, token):
        """Deletes what a request made; what cannot go yet is tried again at the end."""
        path = f"{collection}/{urllib.parse.quote(rid, safe='') if rid not in ('.', '..') else rid.replace('.', '%2E')}"
        if self.delete(path, token) not in (200, 202, 204, 404):
            self.deferred.append((path, token))

    def delete(self, path, token):
        kind = re.match(r"/identity/v3/(domain|project)s/[^/]+$", path)
        if kind:  # a domain (or a project acting as one) goes only once disabled
            self.call("PATCH", path, token, {kind.group(1): {"enabled": False}}, ok=False)
        return self.http.send("DELETE", path, {"X-Auth-Token": token, "Accept": "application/json"}).status

    def listing(self, path, token, project, made_ports=False):
        """{id: name} of a collection, only the fuzz project's where the items say whose they are."""
        r = self.http.send("GET", path, {"X-Auth-Token": token, "Accept": "application/json"})
        doc = r.json()
        if r.status != 200 or not isinstance(doc, dict):
            return None
        items = next((v for v in doc.values() if isinstance(v, list)), [])
        ids = {}
        for it in items:
            if isinstance(it, dict) and len(it) == 1 and isinstance(next(iter(it.values())), dict):
                it = next(iter(it.values()))  # os-keypairs: [{"keypair": {...}}]
            if not isinstance(it, dict):
                continue
            owner = it.get("project_id") or it.get("tenant_id") or it.get("owner")
            if project and owner and owner != project or not made_ports and str(it.get("device_owner")).startswith(
                    ("compute:", "network:")):
                continue  # another project's, or a port a server build or a router made (maybe asynchronously)
            ids[str(it.get("id") or it.get("name") or it.get("member_id"))] = str(it.get("name"))
        return ids

    def cleanup(self):
        """Deletes what the run made: as the member (who sees only the fuzz project), then the admin's leftovers."""
        self.retry_deferred(0)
        m, pid, a = self.member, self.fx.get("project"), self.admin
        if m:
            sweeps = [  # (collection, what, token, seconds)
                ("/compute/v2.1/servers", "servers", m, 150), ("/compute/v2.1/os-server-groups", "groups", m, 15),
                ("/networking/v2.0/floatingips", "floatingips", m, 15), ("/networking/v2.0/routers", "routers", m, 15),
                (f"/volume/v3/{pid}/attachments", "attachments", m, 30),
                (f"/volume/v3/{pid}/snapshots", "snapshots", m, 90),
                (f"/volume/v3/{pid}/volumes", "volumes", m, 120), ("/networking/v2.0/ports", "ports", m, 6),
                ("/networking/v2.0/subnets", "subnets", m, 15), ("/networking/v2.0/networks", "networks", m, 30),
                ("/networking/v2.0/security-groups", "security groups", a, 15), ("/image/v2/images", "images", m, 15),
                ("/compute/v2.1/os-keypairs", "keypairs", m, 15)]
            for path, key, token, seconds in sweeps:
                self.sweep(path, key, token, pid, seconds)
        self.retry_deferred(240)
        if self.fx.get("user"):
            self.delete(f"/identity/v3/users/{self.fx['user']}", a)
        if pid:
            for path in (f"/compute/v2.1/os-quota-sets/{pid}", f"/networking/v2.0/quotas/{pid}"):
                self.delete(path, a)
            self.delete(f"/identity/v3/projects/{pid}", a)
        log(f"cleanup: project {self.prefix} and its resources deleted")

    def retry_deferred(self, seconds):
        end = time.time() + seconds
        while True:
            self.deferred = [(p, t) for p, t in self.deferred if self.delete(p, t) in (400, 409, 500, 503, 0)]
            if not self.deferred or time.time() > end:
                break
            time.sleep(3)
        if self.deferred and seconds:
            log(f"cleanup: could not delete {[p for p, _ in self.deferred]}")

    def sweep(self, path, key, token, pid, seconds=120):
        start = time.time()
        while time.time() < start + seconds:
            q = "?owner=" + pid if key == "images" else "?project_id=" + pid if "networking" in path else ""
            ids = self.listing(path + q, self.member, pid, made_ports=True)
            if not ids:
                if time.time() - start > 10:
                    log(f"cleanup: {key} gone after {time.time() - start:.0f} s")
                return
            for i in ids:
                if key == "routers":
                    self.clear_router(i)
                if key == "servers":  # a locked server is not deleted
                    self.call("POST", f"{path}/{i}/action", token, {"unlock": None}, ok=False)
                if key == "images":
                    self.http.send("PATCH", f"{path}/{i}", {"X-Auth-Token": token, "Content-Type":
                                   "application/openstack-images-v2.1-json-patch"},
                                   b'[{"op": "replace", "path": "/protected", "value": false}]')
                self.delete(f"{path}/{i}", token)
            if key == "security groups":
                return  # listing again would make the project's default group anew (as Neutron does)
            time.sleep(2)
        log(f"cleanup: {key} still there after {seconds} s: {sorted(ids)}")

    def clear_router(self, rid):
        m = self.member
        self.call("PUT", f"/networking/v2.0/routers/{rid}", m, {"router": {"external_gateway_info": {}}}, ok=False)
        ports = self.call("GET", f"/networking/v2.0/ports?device_id={rid}", m, ok=False) or {}
        for port in ports.get("ports", []):
            self.call("PUT", f"/networking/v2.0/routers/{rid}/remove_router_interface", m,
                      {"port_id": port["id"]}, ok=False)
