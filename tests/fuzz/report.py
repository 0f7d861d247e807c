"""Counting answers, grouping violations, and a curl line that reproduces each."""
import collections
import json
import re
import shlex

NEVER_ALLOWED = {"5xx", "no-response"}


def pyexpr(data):
    """A short Python expression of bytes or text: runs of one character become x*n."""
    pieces = []
    pattern = rb"(.)\1{31,}" if isinstance(data, bytes) else r"(.)\1{31,}"
    last = 0
    for m in re.finditer(pattern, data, re.S):
        if m.start() > last:
            pieces.append(repr(data[last:m.start()]))
        pieces.append(f"{m.group(1)!r}*{m.end() - m.start()}")
        last = m.end()
    if last < len(data) or not pieces:
        pieces.append(repr(data[last:]))
    return "+".join(pieces)


def printable(text):
    return len(text) <= 1500 and all(32 <= ord(c) < 127 for c in text)


def arg(text):
    if printable(text):
        return shlex.quote(text)
    code = f"import sys; sys.stdout.buffer.write(({pyexpr(text)}).encode('latin-1'))"
    return '"$(python3 -c ' + shlex.quote(code) + ')"'


def python(base, req, target, tokens):
    """For what curl cannot send (a NUL in a header)."""
    headers = ", ".join(f"{k!r}: " + (f"os.environ[{tokens[v][1:]!r}]" if v in tokens else pyexpr(v))
                        for k, v in req.headers.items() if v is not None)
    host, port = base.split("//")[1].split(":")
    code = (f"import http.client, os; c = http.client.HTTPConnection({host!r}, {port}); "
            f"c.request({req.method!r}, {pyexpr(target)}, {pyexpr(req.body) if req.body else None}, "
            f"{{{headers}}}); r = c.getresponse(); print(r.status, r.getheaders(), r.read()[:2000])")
    return "python3 -c " + shlex.quote(code)


def curl(base, req, target, tokens):
    """A shell line sending the same request; the run's tokens are written as $TOKEN (member) and $ADMIN_TOKEN."""
    if any(v and "\x00" in v for v in req.headers.values()):
        return python(base, req, target, tokens)
    pre, args = "", ["curl", "-sS", "-i", "-g", "--path-as-is"]
    args += ["-I"] if req.method == "HEAD" else ["-X", req.method]
    args.append(arg(base + target))
    for k, v in req.headers.items():
        if v is None:
            continue
        if v in tokens:
            args += ["-H", f'"{k}: {tokens[v]}"']
        elif v == "":
            args += ["-H", shlex.quote(k + ";")]
        else:
            args += ["-H", arg(f"{k}: {v}")]
    if req.body is not None:
        if req.headers.get("Content-Type") is None:
            args += ["-H", "'Content-Type:'"]
        text = req.body.decode("latin-1")
        if printable(text) and not req.body_expr:
            args += ["--data-binary", shlex.quote(text)]
        else:
            expr = req.body_expr or pyexpr(req.body)
            pre = "python3 -c " + shlex.quote(f"import sys; sys.stdout.buffer.write({expr})") + " | "
            args += ["--data-binary", "@-"]
    return pre + " ".join(args)


class Report:
    def __init__(self, seed, allow_file=None):
        self.seed = seed
        self.sent = self.checks = 0
        self.by_class = collections.Counter()
        self.by_service = collections.Counter()
        self.groups, self.examples = {}, {}  # examples: the first request of each group, to replay
        self.allowed = []  # (service, METHOD, route, kind), each may be *
        if allow_file:
            with open(allow_file) as f:
                for line in f:
                    line = line.split("#", 1)[0].split()
                    if len(line) == 4:
                        self.allowed.append(tuple(line))

    def is_allowed(self, key):
        return key[3] not in NEVER_ALLOWED and any(
            all(p == "*" or p == v for p, v in zip(rule, key)) for rule in self.allowed)

    def record(self, req, resp):
        self.sent += 1
        self.by_service[req.route.service] += 1
        self.by_class[f"{resp.status // 100}xx" if resp.status else "no answer"] += 1

    def violation(self, req, resp, kind, detail, reproducer):
        key = (req.route.service, req.route.method, req.route.path, kind)
        g = self.groups.get(key)
        if g is None:
            g = self.groups[key] = {"service": key[0], "method": key[1], "route": key[2], "kind": kind, "count": 0,
                                    "status": resp.status, "detail": detail, "mutation": req.mutation,
                                    "reproducer": reproducer(), "other_mutations": [],
                                    "allowed": self.is_allowed(key)}
            self.examples[key] = req
        g["count"] += 1
        if req.mutation != g["mutation"] and len(g["other_mutations"]) < 5 and req.mutation not in g["other_mutations"]:
            g["other_mutations"].append(req.mutation)

    def finish(self, path, elapsed, cloud_base):
        failing = [g for g in self.groups.values() if not g["allowed"]]
        doc = {"seed": self.seed, "cloud": cloud_base, "requests": self.sent, "listing_checks": self.checks,
               "seconds": round(elapsed, 1), "status_classes": dict(self.by_class),
               "by_service": dict(self.by_service), "violation_groups": len(failing),
               "violations": sorted(self.groups.values(), key=lambda g: (g["kind"] != "5xx", g["service"],
                                                                         g["route"], g["method"], g["kind"]))}
        with open(path, "w") as f:
            json.dump(doc, f, indent=1)
        print(f"\nfuzz seed {self.seed}: {self.sent} requests (+{self.checks} listings) in {elapsed:.0f} s; "
              + ", ".join(f"{k} {v}" for k, v in sorted(self.by_class.items())))
        print("by service: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_service.items())))
        print(f"{len(failing)} violation groups"
              f"{f' ({len(self.groups) - len(failing)} allowed)' if len(failing) < len(self.groups) else ''}; "
              f"report: {path}")
        spread = collections.defaultdict(list)  # one cause on many routes of a service is printed once
        for g in doc["violations"]:
            cause = re.sub(r"[0-9a-f-]{8,}", "#", g["detail"])[:60]
            spread[(g["service"], g["kind"], g["allowed"], cause)].append(g)
        for same in spread.values():
            g = same[0]
            inputs = list(dict.fromkeys(m for x in same for m in [x["mutation"]] + x["other_mutations"]))
            where = f"{g['method']} {g['route']}" if len(same) <= 4 else f"on {len(same)} routes: " + ", ".join(
                f"{x['method']} {x['route']}" for x in same)[:2000] + f"\n  e.g. {g['method']} {g['route']}"
            print(f"\n[{g['kind']}]{' (allowed)' if g['allowed'] else ''} {g['service']} x{sum(x['count'] for x in same)}"
                  f" {where}\n  {g['detail'][:300]}\n  inputs: {'; '.join(inputs[:6])}\n  {g['reproducer'][:1500]}"
                  + (f"\n  sent to the service's own port: {g['direct']}" if g.get("direct") else ""))
        return 1 if failing else 0
