"""What every answer must be: no 5xx, faults in the API's own format, a request id, no internals."""
import json
import re

# Nova's and Cinder's fault names (nova/api/openstack/wsgi.py Fault._fault_names, the same table in Cinder)
FAULT_NAMES = {400: "badRequest", 401: "unauthorized", 403: "forbidden", 404: "itemNotFound", 405: "badMethod",
               409: "conflictingRequest", 413: "overLimit", 415: "badMediaType", 429: "overLimit"}
SHAPES = {"identity": ("error", ("code", "title", "message")), "image": ("error", ("code", "title", "message")),
          "network": ("NeutronError", ("type", "message", "detail"))}  # compute and volume: {"<fault>": {...}}
LEAKS = re.compile(r"com\.fasterxml|io\.vertx|io\.quarkus|io\.smallrye|io\.netty|org\.jboss|org\.hibernate|"
                   r"org\.postgresql|jakarta\.|javax\.|java\.[a-z]|io\.strato\.|Exception|FAIL_ON_|MapperFeature|"
                   r"DeserializationFeature|JsonParser|at \[Source|line: \d+, column: \d+|\.java:\d+|SQLState|"
                   r"ERROR: |PSQLException|HV0\d+|RESTEASY\d+|SRVE\d+|Uni<|\$\$|StreamRead|StreamWrite|Jackson|"
                   r"[A-Z][a-z]+Feature\.|JsonNode|Mutiny|Panache|Hibernate|Vert\.x|invalid byte sequence|"
                   r"violates \w+ constraint|duplicate key value|relation \"|SQL|LazyInit|Netty|Quarkus")
CODEC_STATUSES = {400, 413, 414, 431}
PUBLIC = re.compile(r"^/(v[\d.]+/?)?$|^/versions$|/auth/tokens$|/OS-OIDC/")  # answered without a token
REQUEST_ID = re.compile(r"req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def fault_problem(service, status, data):
    """Why a 4xx body is not the API's fault, or None."""
    if not data:
        return "empty body"
    try:
        doc = json.loads(data)
    except ValueError:
        return f"not JSON: {data[:80]!r}"
    if not isinstance(doc, dict):
        return f"not a JSON object: {data[:80]!r}"
    if service in SHAPES:
        top, keys = SHAPES[service]
        err = doc.get(top)
        if not isinstance(err, dict) or not all(k in err for k in keys):
            return f"not {{{top!r}: {{{', '.join(map(repr, keys))}}}}}: {data[:120]!r}"
        if "code" in keys and err["code"] != status:
            return f"{top}.code {err['code']!r} is not the status {status}"
        return None
    # compute and volume: {"<faultName>": {"code": N, "message": "..."}}
    if len(doc) != 1:
        return f"not one fault key: {data[:120]!r}"
    name, err = next(iter(doc.items()))
    if not isinstance(err, dict) or "message" not in err or "code" not in err:
        return f'not {{"<fault>": {{"code","message"}}}}: {data[:120]!r}'
    if err["code"] != status:
        return f"{name}.code {err['code']!r} is not the status {status}"
    if status in FAULT_NAMES and name != FAULT_NAMES[status]:
        return f"fault name {name!r} for {status}, not {FAULT_NAMES[status]!r}"
    return None


def violations(req, resp):
    """[(kind, detail)] for one answer."""
    service = req.route.service
    found = []
    if resp.status == 0:
        return [("no-response", resp.error)]
    if resp.status >= 500:
        found.append(("5xx", f"{resp.status} {resp.body[:160]!r}"))
    if resp.status in CODEC_STATUSES and not resp.body and not resp.header("x-openstack-request-id"):
        # Refused by the HTTP codec before any route ran (a bad %-escape, a NUL in a header, a line or headers
        # over the limits): Vert.x's invalid-request handler answers an empty 400/414/431, and Quarkus gives an
        # application no hook to answer it in the API's format (quarkus#55082). One finding, not three.
        return found + [("codec-refusal", f"{resp.status}: empty body, no request id (the HTTP codec's answer)")]
    if 400 <= resp.status < 600 and req.method != "HEAD":
        problem = fault_problem(service, resp.status, resp.body)
        if problem and resp.status < 500:
            found.append(("fault-format", f"{resp.status}: {problem}"))
    if resp.status >= 400:
        leak = LEAKS.search(resp.body.decode("utf-8", "replace"))
        if leak:
            text = resp.body.decode("utf-8", "replace")
            at = max(0, leak.start() - 60)
            found.append(("internals-in-message", f"{leak.group(0)!r} in {text[at:at + 160]!r}"))
    ids = resp.header("x-openstack-request-id")
    if not ids:
        found.append(("no-request-id", f"{resp.status} without x-openstack-request-id"))
    for name in ("x-openstack-request-id", "x-compute-request-id"):
        values = resp.header(name)
        if len(values) > 1 or any("," in v for v in values):
            found.append(("duplicate-request-id", f"{name}: {values}"))
    if service == "compute" and not resp.header("x-compute-request-id"):
        found.append(("no-request-id", f"{resp.status} without x-compute-request-id"))
    sent = req.headers.get("X-OpenStack-Request-ID")
    if ids and sent and REQUEST_ID.fullmatch(sent) and ids[0] != sent:
        found.append(("request-id-not-echoed", f"sent {sent}, got {ids[0]}"))
    if ids and not REQUEST_ID.fullmatch(ids[0]):
        found.append(("bad-request-id", f"x-openstack-request-id {ids[0][:80]!r}"))
    if 200 <= resp.status < 300 and "X-Auth-Token" in req.mutation and not PUBLIC.search(req.route.path):
        found.append(("accepted-bad-token", f"{resp.status} with {req.mutation}"))
    if 200 <= resp.status < 300 and req.invalid:
        found.append(("accepted-invalid", f"{resp.status} for {req.invalid}"))
    return found
