#!/usr/bin/env python3
"""Schema-aware fuzzing of every route of every Strato service, through the gateway (see README.md)."""
import argparse
import os
import random
import re
import sys
import time
import traceback

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checks  # noqa: E402
import cloud as cloudmod  # noqa: E402
import inputs  # noqa: E402
import report as reportmod  # noqa: E402
import routes as routesmod  # noqa: E402


def created_ids(doc):
    if not isinstance(doc, dict):
        return []
    if "id" in doc:
        return [doc["id"]]
    out = []
    for v in doc.values():
        if isinstance(v, dict) and (v.get("id") or v.get("name")):
            out.append(v.get("id") or v.get("name"))
        elif isinstance(v, list):
            out += [x["id"] for x in v if isinstance(x, dict) and x.get("id")]
    return [str(i) for i in out]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=16, help="inputs follow from it (default 16)")
    ap.add_argument("--requests", type=int, default=3000, help="fuzz requests to send (default 3000)")
    ap.add_argument("--time-limit", type=float, default=900, help="seconds, setup and cleanup excluded")
    ap.add_argument("--service", default="", help="comma list of identity,image,network,compute,volume")
    ap.add_argument("--route", default="", help="only routes whose 'service METHOD /template' matches this regex")
    ap.add_argument("--admin-share", type=float, default=0.2,
                    help="share of create (POST to a collection) requests sent as the admin (default 0.2)")
    ap.add_argument("--allow", help="file of known findings 'service METHOD route kind'; never hides 5xx")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per request on stderr")
    ap.add_argument("--report", default="fuzz-report.json", help="JSON report (default ./fuzz-report.json)")
    args = ap.parse_args()

    services = [s for s in (args.service.split(",") if args.service else routesmod.SERVICES) if s]
    rng = random.Random(args.seed)
    cloud = cloudmod.Cloud(args.seed)
    try:
        routes = [r for s in services for r in routesmod.load(s, cloud.host) if re.search(args.route, r.key)]
    except OSError as e:
        raise SystemExit(f"cannot read a service's OpenAPI ({e}): is the cloud up?")
    if not routes:
        raise SystemExit(f"no route matches {args.route!r}")
    cloudmod.log(f"{len(routes)} routes from the OpenAPI of {', '.join(services)}; seed {args.seed}")
    rep = reportmod.Report(args.seed, args.allow)
    forbidden, failed = set(), False  # forbidden: creates the member may not make (policy), mostly sent as admin
    t0 = time.time()
    try:
        cloud.setup()
        methods = {}
        for r in routes:
            methods.setdefault((r.service, r.path), set()).add(r.method)
        gen = inputs.Generator(rng, cloud, methods)
        t0, i = time.time(), 0
        tokens = {cloud.member: "$TOKEN", cloud.admin: "$ADMIN_TOKEN"}
        while rep.sent < args.requests and time.time() - t0 < args.time_limit:
            if i % len(routes) == 0:
                rng.shuffle(routes)
            if time.time() - cloud.issued > 1800:
                cloud.refresh()
                tokens.update({cloud.member: "$TOKEN", cloud.admin: "$ADMIN_TOKEN"})
            route = routes[i % len(routes)]
            i += 1
            share = args.admin_share and (0.8 if route.key in forbidden else args.admin_share)
            admin = (route.is_collection_post() and rng.random() < share and
                     all(cloud.kind_of(route.before(n), n) == "project" for n in route.path_params))
            req = gen.request(route, admin)
            base_values = dict(req.values)
            gen.mutate(req)
            token = cloud.admin if admin else cloud.member
            req.headers.setdefault("X-Auth-Token", token)
            prefix = routesmod.SERVICES[route.service][1]
            listing, before, scope = None, None, None if admin else cloud.fx["project"]
            if route.is_collection_post() and req.method == "POST":  # the collection before: what did a refusal make?
                listing = re.sub(r"\{([^}]+)\}", lambda m: base_values[m.group(1)], prefix + route.path)
                before = cloud.listing(listing + ("?limit=1000" if route.service == "image" else ""), token, scope)
                rep.checks += 1
            target = req.target(prefix)
            resp = cloud.http.send(req.method, target, req.headers, req.body)
            rep.record(req, resp)
            if args.verbose:
                cloudmod.log(f"{resp.status} {'admin ' if admin else ''}{req.method} {target[:120]}  {req.mutation}")
            if resp.status == 403 and not admin and not req.mutation.startswith("header"):
                forbidden.add(route.key)
            for kind, detail in checks.violations(req, resp):
                rep.violation(req, resp, kind, detail, lambda: reportmod.curl(cloud.base, req, target, tokens))
            if listing and 200 <= resp.status < 300:
                for cid in created_ids(resp.json()):
                    cloud.forget(listing, cid, token)
            elif before is not None:
                rep.checks += 1
                after = cloud.listing(listing + ("?limit=1000" if route.service == "image" else ""), token, scope)
                for new in sorted(set(after or {}) - set(before)):
                    if admin and not after[new].startswith(cloud.prefix):
                        continue  # the admin sees every project: only what bears this run's name is surely its own
                    rep.violation(req, resp, "created-by-refused-request", f"{resp.status}, yet {listing}/{new} exists",
                                  lambda: reportmod.curl(cloud.base, req, target, tokens))
                    cloud.forget(listing, new, token)
            if rep.sent % 250 == 0:
                cloudmod.log(f"{rep.sent} requests, {len(rep.groups)} violation groups")
        replay_direct(cloud, rep)
        cloudmod.log("replayed; cleaning up")
    except KeyboardInterrupt:
        cloudmod.log("interrupted: cleaning up")
    except Exception:  # a fuzzer bug: still clean up and report what was found
        cloudmod.log("fuzzer error, cleaning up:\n" + traceback.format_exc())
        failed = True
    finally:
        elapsed = time.time() - t0
        cloud.cleanup()
    code = rep.finish(args.report, elapsed, cloud.base)
    sys.exit(2 if failed else code)


def replay_direct(cloud, rep):
    """Each group's first request again, on the service's port: is the gateway or the service at fault?"""
    cloudmod.log(f"replaying {len(rep.examples)} violations on the services' own ports")
    for key, req in rep.examples.items():
        port, prefix = routesmod.SERVICES[req.route.service]
        http, kind = cloudmod.Http(cloud.host, port), key[3]
        if kind == "created-by-refused-request":
            continue  # that takes listings
        resp = http.send(req.method, req.target(""), req.headers, req.body)
        http.close()
        again = {k for k, _ in checks.violations(req, resp)}
        rep.groups[key]["direct"] = f"{resp.status or resp.error}, " + (
            "the same violation" if kind in again else "not this violation: the gateway's doing")
        if req.route.is_collection_post() and req.method == "POST" and 200 <= resp.status < 300:
            for cid in created_ids(resp.json()):
                cloud.forget(re.sub(r"\{([^}]+)\}", lambda m: req.values[m.group(1)], prefix + req.route.path),
                             cid, cloud.admin if req.admin else cloud.member)


if __name__ == "__main__":
    main()
