#!/usr/bin/env python3
"""Port create latency and security-group list latency through the gateway, on a running Strato cloud.

    eval "$(deploy/local/strato env)"
    network-service/bench/ports.py [--creates 200] [--concurrent-creates 1000] [--groups 1000] [--lists 50]

Credentials come from the OS_* variables of `strato env` (the admin user). The script makes its own project
(bench-net-<random>), gives it unlimited network quotas, and in it:
  1. a network with a /16 subnet;
  2. port create at concurrency 1 (--creates ports, one after another) and at concurrency 20
     (--concurrent-creates ports, 20 in flight) - POST /networking/v2.0/ports, latency of each request;
     then checks every port got a distinct address;
  3. --groups security groups (each with Neutron's two default egress rules), then GET
     /networking/v2.0/security-groups (all groups with their rules) --lists times, one after another.
Prints p50/p95/p99/max in ms and throughput; deletes the project's resources and the project at the end.
Standard library only; loopback URLs only.
"""
import argparse
import concurrent.futures as cf
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid


def call(method, url, token=None, body=None, expect=(200, 201, 204)):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    req.add_header("Accept", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            raw = r.read()
            headers = r.headers
            status = r.status
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {url}: {e.code} {e.read()[:400]!r}")
    if status not in expect:
        raise SystemExit(f"{method} {url}: unexpected {status}")
    return (json.loads(raw) if raw else None), headers


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t) * 1000.0, out


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


def report(name, ms, wall):
    print(f"{name:<34} n={len(ms):<5} p50={pct(ms, 50):7.1f}  p95={pct(ms, 95):7.1f}  p99={pct(ms, 99):7.1f}  "
          f"max={max(ms):7.1f} ms  mean={statistics.mean(ms):6.1f}  {len(ms) / wall:6.1f}/s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--creates", type=int, default=200)
    ap.add_argument("--concurrent-creates", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--groups", type=int, default=1000)
    ap.add_argument("--lists", type=int, default=50)
    args = ap.parse_args()

    auth = os.environ.get("OS_AUTH_URL", "").rstrip("/")
    if not auth.startswith(("http://127.", "http://localhost")):
        raise SystemExit("set OS_* with: eval \"$(deploy/local/strato env)\" (loopback only)")
    gateway = auth.rsplit("/identity", 1)[0]
    net = gateway + "/networking/v2.0"
    ident = auth if auth.endswith("/v3") else auth + "/v3"

    def token(project_scope):
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": os.environ["OS_USERNAME"], "domain": {"name": os.environ.get("OS_USER_DOMAIN_NAME", "Default")},
            "password": os.environ["OS_PASSWORD"]}}}, "scope": {"project": project_scope}}}
        _, h = call("POST", ident + "/auth/tokens", body=body)
        return h["X-Subject-Token"]

    admin = token({"name": os.environ.get("OS_PROJECT_NAME", "admin"),
                   "domain": {"name": os.environ.get("OS_PROJECT_DOMAIN_NAME", "Default")}})
    name = "bench-net-" + uuid.uuid4().hex[:8]
    proj, _ = call("POST", ident + "/projects", admin, {"project": {"name": name, "domain_id": "default"}})
    pid = proj["project"]["id"]
    users, _ = call("GET", ident + "/users?name=" + os.environ["OS_USERNAME"], admin)
    roles, _ = call("GET", ident + "/roles?name=member", admin)
    call("PUT", f"{ident}/projects/{pid}/users/{users['users'][0]['id']}/roles/{roles['roles'][0]['id']}", admin)
    tok = token({"id": pid})
    call("PUT", f"{net}/quotas/{pid}", admin, {"quota": {"port": -1, "security_group": -1, "security_group_rule": -1}})

    ports, groups = [], []
    network = None
    try:
        network = call("POST", net + "/networks", tok, {"network": {"name": name}})[0]["network"]["id"]
        call("POST", net + "/subnets", tok, {"subnet": {"network_id": network, "ip_version": 4, "cidr": "10.200.0.0/16"}})
        print(f"project {name} ({pid}), network {network}, subnet 10.200.0.0/16")

        def create(i):
            ms, out = timed(lambda: call("POST", net + "/ports", tok, {"port": {"network_id": network, "name": f"b{i}"}}))
            p = out[0]["port"]
            return ms, p["id"], p["fixed_ips"][0]["ip_address"]

        call("POST", net + "/ports", tok, {"port": {"network_id": network, "name": "warm-up"}})  # default group, JIT
        t = time.perf_counter()
        seq = [create(i) for i in range(args.creates)]
        report("port create, concurrency 1", [s[0] for s in seq], time.perf_counter() - t)
        t = time.perf_counter()
        with cf.ThreadPoolExecutor(args.concurrency) as ex:
            par = list(ex.map(create, range(args.creates, args.creates + args.concurrent_creates)))
        report(f"port create, concurrency {args.concurrency}", [s[0] for s in par], time.perf_counter() - t)
        done = seq + par
        ports = [d[1] for d in done]
        addresses = {d[2] for d in done}
        print(f"addresses: {len(addresses)} distinct of {len(done)} ports")
        if len(addresses) != len(done):
            raise SystemExit("an address was handed out twice")

        t = time.perf_counter()
        with cf.ThreadPoolExecutor(4) as ex:
            groups = list(ex.map(lambda i: call("POST", net + "/security-groups", tok, {"security_group": {
                "name": f"g{i}"}})[0]["security_group"]["id"], range(args.groups)))
        print(f"{len(groups)} security groups made in {time.perf_counter() - t:.1f}s")
        timed(lambda: call("GET", net + "/security-groups", tok))  # warm-up
        lists = []
        t = time.perf_counter()
        for _ in range(args.lists):
            ms, out = timed(lambda: call("GET", net + "/security-groups", tok))
            lists.append(ms)
        n = len(out[0]["security_groups"])
        rules = sum(len(g["security_group_rules"]) for g in out[0]["security_groups"])
        report(f"security-group list ({n} groups, {rules} rules)", lists, time.perf_counter() - t)
    finally:
        with cf.ThreadPoolExecutor(4) as ex:
            list(ex.map(lambda i: call("DELETE", f"{net}/ports/{i}", tok, expect=(204, 404)), ports))
            list(ex.map(lambda i: call("DELETE", f"{net}/security-groups/{i}", tok, expect=(204, 404)), groups))
        leftover = call("GET", f"{net}/ports?network_id={network}", tok)[0]["ports"] if network else []
        for p in leftover:
            call("DELETE", f"{net}/ports/{p['id']}", tok, expect=(204, 404))
        if network:
            call("DELETE", f"{net}/networks/{network}", tok, expect=(204, 404))
        call("DELETE", f"{ident}/projects/{pid}", admin)


if __name__ == "__main__":
    sys.exit(main())
