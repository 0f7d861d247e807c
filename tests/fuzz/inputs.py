"""Hostile inputs: a plausible request for a route, then one thing about it made wrong."""
import json
import re
import uuid

LONG = 65536
BIG_BODY = 3 * 1024 * 1024


# (value, why a service must refuse it or None); "why" is set only where no API here accepts the value.
STRING_BAD = [(5, "number for string"), (-1, "number for string"), (1.5, "number for string"),
              (True, "bool for string"), ([], "list for string"), ({}, "object for string"),
              (["a"], "list for string"), ({"a": "b"}, "object for string"), ("", None), (" ", None),
              ("a" * 255, None), ("a" * 256, "too-long"), ("a" * LONG, "too-long"), ("\u0000", None),
              ("a\u0000b", None), ("%00", None), ("\x01\x1f\x7f", None), ("\u202e\u200b\ufeff", None),
              ("\U0001F4A9", None), ("\ud800", None), ("é漢字", None), ("..", None), (".", None), ("%2e%2e", None),
              ("../../etc/passwd", None), ("'\"<>;(*\\", None), ("(", None), (None, None)]
BOOL_BAD = [("maybe", "'maybe' for boolean"), ("", "'' for boolean"), (2, "2 for boolean"), ([], "list for boolean"),
            ({}, "object for boolean"), ("\u0000", "NUL for boolean"), ("true", None), ("False", None), (1, None),
            (0, None), (None, None)]
INT_BAD = [("abc", "word for integer"), ([], "list for integer"), ({}, "object for integer"), ("", None),
           ("\u0000", "NUL for integer"), ("1", None), (1.5, None), (-1, None), (0, None), (2 ** 31, None),
           (2 ** 63, None), (10 ** 30, None), (-(2 ** 63) - 1, None), (1e308, None), (True, None), (None, None),
           ("0x10", None), ("1e3", None)]
ARRAY_BAD = [({}, "object for list"), ("a", None), (5, "number for list"), (True, "bool for list"), ([None], None),
             ([5], None), ([[]], None), ([{}], None), (["\u0000"], None), (["a"] * 10000, None),
             ([{"a": "\u0000"}], None), (None, None)]
OBJECT_BAD = [([], "list for object"), ("a", "string for object"), (5, "number for object"),
              (True, "bool for object"), ({"\u0000": 1}, None), ({"": ""}, None), ({"a" * 256: "b"}, None),
              ({f"k{i}": "v" for i in range(2000)}, None), (json.loads('{"a":' * 500 + "1" + "}" * 500), None),
              ({"a": "\u0000"}, None), (None, None)]
BAD_BY_TYPE = {"string": STRING_BAD, "boolean": BOOL_BAD, "integer": INT_BAD, "number": INT_BAD,
               "array": ARRAY_BAD, "object": OBJECT_BAD}

# raw text put into a path segment or a query value (already percent-encoded where it must be)
RAW_BAD = ["", ".", "..", "%2e", "%2e%2e", "%2E%2E%2F%2E%2E", "%00", "a%00b", "%ff", "%c0%ae", "%F0%9F%92%A9",
           "%E2%80%AE", "%0a", "%0d%0a", "%01", "%7f", "%20", "%25", "%", "%zz", "(", "[", "*", "%5C", "'",
           "%22", "%3Cscript%3E", "-1", "0", "99999999999999999999", "1.5", "true", "maybe", "null", "%7B%7D",
           "a" * 256, "a" * LONG, "00000000-0000-0000-0000-000000000000", "in:a,b", "gt:%00", "..%2F..%2F"]
QUERY_KEYS = ["limit", "marker", "sort_key", "sort_dir", "sort", "name", "status", "all_tenants", "all_projects",
              "project_id", "tenant_id", "fields", "ip", "ip6", "changes-since", "changes-before", "detail",
              "is_public", "usage", "offset", "tags", "not-tags", "visibility", "member_status", "owner", "flavor",
              "image", "host", "enabled", "domain_id", "id", "size_min", "deleted", "with_count", "page_reverse"]
HEADERS_BAD = {
    "X-Auth-Token": ["", ".", "..", "garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "gAAAAA" + "A" * 200,
                     "a" * 8192, "a" * 70000, "\x00", "a\x00b", "\xe9", None],
    "OpenStack-API-Version": ["{s} 2.999", "{s} latest", "{s} 2.", "{s} -1.1", "{s} 99999999999999999999.1",
                              "garbage", "", "{s} 3.9999", "{s} 2.1, {s} 2.2", "\x00", "{s} 1.%00"],
    "X-OpenStack-Nova-API-Version": ["2.999", "abc", "2.", "-1", "99999999999999999999.1", ""],
    "Accept": ["application/xml", "text/html", "garbage", "*/*;q=x", ""],
    "X-OpenStack-Request-ID": ["", "garbage", "req-" + "a" * 2000, "\x00", "req-\u00e9"],
    "X-Subject-Token": ["", ".", "..", "garbage", "\x00"],
    "Range": ["bytes=abc", "bytes=-", "bytes=99999999999999999999-", "bytes=5-1"],
    "X-Fuzz-Huge": ["a" * 70000],
}
BAD_JSON = [b"{", b'{"a":}', b"{'a': 1}", b"[1,]", b'{"a":1,}', b"\xef\xbb\xbf{}", b"\xff\xfe{\x00", b"NaN",
            b'{"a": NaN}', b'{"a": Infinity}', b'{"a":1}{"b":2}', b"", b"null", b"true", b'"x"', b"123", b"[]",
            b'{"a":"\\ud800"}', b'{"a": "\x00"}', b'{"a":01}', b'{"a":1e99999}', b"\x00", b'{"a":"\xff"}']
WRONG_TYPES = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
ODD_TYPES = [None, "application/json; charset=utf-16", "application/json; charset=garbage", "application/jsonx",
             "*/*", ""]


class Request:
    """What is sent, and why it should be refused ("invalid") when no API here accepts it."""

    def __init__(self, route, admin):
        self.route, self.admin, self.values, self.suffix, self.query = route, admin, {}, "", []
        self.method = route.method
        self.headers = {"Accept": "application/json"}
        self.body = self.body_expr = self.invalid = None  # body_expr: a short Python expression of it
        self.mutation = ""

    def target(self, prefix):
        path = re.sub(r"\{([^}]+)\}", lambda m: self.values[m.group(1)], self.route.path)
        q = "&".join(f"{k}={v}" if v is not None else k for k, v in self.query)
        return prefix + path + self.suffix + ("?" + q if q else "")

    def set_json(self, value, content_type="application/json"):
        self.body = json.dumps(value).encode()
        if content_type:
            self.headers["Content-Type"] = content_type


class Generator:
    def __init__(self, rng, fixtures, methods):
        self.rng, self.fx, self.methods = rng, fixtures, methods  # methods: (service, path) -> declared methods

    def choice(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def garbage_id(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    # ---- a plausible request
    def request(self, route, admin):
        req = Request(route, admin)
        for name in route.path_params:
            req.values[name] = self.path_value(route, name, admin)
        if route.body is not None:
            ct = next((c for c in route.content_types if "json" in c), "application/json")
            req.set_json(self.plausible_body(route), ct)
        if self.rng.random() < 0.3:
            req.headers["X-OpenStack-Request-ID"] = "req-" + self.garbage_id()
        return req

    def path_value(self, route, name, admin=False):
        kind = self.fx.kind_of(route.before(name), name)
        value = self.fx.value(kind, admin) if kind else None
        last = name == route.path_params[-1]
        # keep the fixtures alive and never write to what this run does not own
        if value is not None and last and route.method in ("PUT", "PATCH", "DELETE"):
            if kind in self.fx.READ_ONLY or (route.method == "DELETE" and kind in self.fx.OWN):
                value = None
        return value if value is not None else self.garbage_id()

    def plausible_body(self, route):
        schema = route.body
        props = schema.get("properties", {})
        if schema["type"] == "array":  # Glance's JSON patch
            return [{"op": "replace", "path": "/name", "value": self.fx.name()}]
        if route.path.endswith("/action") and props:  # one action, as the API wants
            key = self.choice(sorted(props))
            return {key: self.plausible(key, props[key], 1)}
        return self.plausible(None, schema, 0)

    def plausible(self, name, schema, depth):
        known = self.fx.plausible(name)
        if known is not None:
            return known
        t = schema.get("type")
        if "enum" in schema:
            return self.choice(schema["enum"])
        if t == "object":
            props = schema.get("properties", {})
            keys = set(schema.get("required", [])) | {k for k in props if self.fx.plausible(k) is not None}
            if depth == 0 and props and not keys:  # a wrapper: {"network": {...}}
                keys = {min(props, key=lambda k: (":" in k, k))}
            return {k: self.plausible(k, props[k], depth + 1) for k in sorted(keys) if depth < 6}
        if t == "array":
            return [self.plausible(name, schema.get("items", {}), depth + 1)] if depth < 4 else []
        return {"boolean": True, "integer": 1, "number": 1}.get(t, self.fx.name())

    # ---- one thing made wrong
    def mutate(self, req):
        r = req.route
        kinds = [("query", 3), ("header", 3), ("method", 0.5)] + [("path", 3)] * bool(r.path_params) + (
            [("field", 9), ("shape", 2), ("raw", 2), ("content_type", 2), ("big", 0.3)] if req.body is not None
            else [("suffix", 1)])
        x = self.rng.random() * sum(w for _, w in kinds)
        kind = next(k for k, w in kinds if (x := x - w) < 0)
        getattr(self, "mutate_" + kind)(req)
        return req

    def mutate_query(self, req):
        keys = [n for n, where, _ in req.route.params if where == "query"] + QUERY_KEYS
        key = self.choice(keys) if self.rng.random() < 0.9 else self.choice(RAW_BAD[:20])
        value = self.choice(RAW_BAD)
        req.query.append((key, value))
        if self.rng.random() < 0.2:
            req.query.append((key, self.choice(RAW_BAD)))
        req.mutation = f"query {key}={value[:40]}"

    def mutate_path(self, req):
        name = self.choice(req.route.path_params)
        req.values[name] = self.choice(RAW_BAD)
        req.mutation = f"path {{{name}}}={req.values[name][:40]!r}"

    def mutate_suffix(self, req):
        req.suffix = self.choice(["/", "/..", "/.", "/%00", "/%2e%2e", "/fuzz", "//", "/a" * 300])
        req.mutation = f"path suffix {req.suffix[:20]!r}"

    def mutate_method(self, req):  # one the path does not declare (and never DELETE, whatever may lurk)
        declared = self.methods[(req.route.service, req.route.path)]
        req.method = self.choice([m for m in ("GET", "PUT", "POST", "PATCH") if m not in declared]
                                 + ["TRACE", "PROPFIND"])
        if req.method in ("PUT", "POST", "PATCH") and req.body is None:
            req.set_json({})
        req.mutation = f"method {req.method}"

    def mutate_header(self, req):
        names = [n for n in HEADERS_BAD if n != "X-Subject-Token" or req.route.service == "identity"]
        if req.route.service != "compute":
            names.remove("X-OpenStack-Nova-API-Version")
        name = self.choice(names)
        value = self.choice(HEADERS_BAD[name])
        req.headers[name] = value if value is None else value.replace("{s}", req.route.service)
        req.mutation = f"header {name}: {str(value)[:30]!r}"

    def mutate_field(self, req):
        body = json.loads(req.body)
        if isinstance(body, list):  # Glance's JSON patch: one more operation
            body.append({"op": self.choice(["replace", "add", "remove", "move", "copy", "test", "x"]),
                         "path": self.choice(["/name", "/", "", "/a/b/c", "/~2", "/tags/-", "/" + "a" * 300]),
                         "value": self.choice(STRING_BAD)[0]})
            req.mutation = "json-patch op"
        node, schema, path = body, req.route.body, []
        while isinstance(node, dict) and schema.get("properties"):  # down the schema to one field
            key = self.choice(sorted(schema["properties"]))
            path.append(key)
            schema = schema["properties"][key]
            if schema.get("properties") and isinstance(node.get(key, {}), dict) and self.rng.random() < 0.75:
                node = node.setdefault(key, {})
                continue
            value, why = self.choice(BAD_BY_TYPE.get(schema.get("type"), STRING_BAD))
            node[key] = value
            if why and schema.get("trusted") and (why != "too-long" or key == "name"
                                                  or len(value) > schema.get("maxLength", LONG)):
                req.invalid = f"{'.'.join(path)}: {why}"
            req.mutation = f"body {'.'.join(path)}={short(value)}"
            break
        req.mutation = req.mutation or "body unchanged"
        req.set_json(body, req.headers.get("Content-Type"))

    def mutate_shape(self, req):
        body = json.loads(req.body)
        choice = self.rng.randrange(4)
        if choice == 0 and isinstance(body, dict) and body:
            key = next(iter(body))
            body[key] = self.choice([[], "x", 5, None, [body[key]]])
            req.mutation = f"body wrapper {key} replaced"
        elif choice == 1 and req.route.path.endswith("/action") and len(req.route.body.get("properties", {})) > 1:
            others = sorted(k for k in req.route.body["properties"] if k not in body)
            body[self.choice(others)] = None
            req.invalid = "two actions in one body"
            req.mutation = "body with two actions"
        elif choice == 2:
            body = self.choice([[], None, "x", 5, [body], {}])
            req.mutation = f"body {short(body)}"
        else:
            if isinstance(body, dict):
                body["fuzz_unknown"] = {"\u0000": "\u0000"}
            req.mutation = "body unknown key"
        req.set_json(body, req.headers.get("Content-Type"))

    def mutate_raw(self, req):
        n = self.rng.randrange(4)
        if n == 0:
            req.body, req.body_expr = b"[" * 10000 + b"]" * 10000, "b'['*10000+b']'*10000"
            req.mutation = "body nested 10000 deep (arrays)"
        elif n == 1:
            req.body = b'{"a":' * 10000 + b"1" + b"}" * 10000
            req.body_expr, req.mutation = "b'{\"a\":'*10000+b'1'+b'}'*10000", "body nested 10000 deep (objects)"
        else:
            req.body = self.choice(BAD_JSON)
            req.mutation = f"bad JSON {req.body[:30]!r}"

    def mutate_big(self, req):
        req.body = b'{"x": "' + b"a" * BIG_BODY + b'"}'
        req.body_expr, req.mutation = f"b'{{\"x\": \"'+b'a'*{BIG_BODY}+b'\"}}'", "body of 3 MB"

    def mutate_content_type(self, req):
        if self.rng.random() < 0.6:
            ct = self.choice(WRONG_TYPES)
            req.body = {"text/plain": req.body, "application/xml": b"<a><name>x</name></a>",
                        "application/x-www-form-urlencoded": b"name=x&a%5Bb%5D=c",
                        }.get(ct, b"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n")
            req.invalid = f"Content-Type {ct}"
        else:
            ct = self.choice(ODD_TYPES)
            if ct and "utf-16" in ct:
                req.body = req.body.decode().encode("utf-16")
        req.headers["Content-Type"] = ct
        req.mutation = f"Content-Type {ct!r}"


def short(value):
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:30] + f"...({len(text)} chars)"
