#!/usr/bin/env bash
# Token issue at several identity-service instances in one run, direct (same-run baseline: e.g. the cloud's own
# build against a replica of new code on the same database). Starts nothing.
#
#   identity-service/bench/replicas.sh SECONDS TARGET...    e.g. identity-service/bench/replicas.sh 10 15001 15002
#   TARGET: a port on 127.0.0.1 (identity directly), or a Keystone base URL such as http://127.0.0.1:18081/identity
#   (a gateway of its own in front of one instance)
#   KINDS="token application_credential password" (default the first two)
#
# Run inside `eval "$(deploy/local/strato env)"` (OS_USERNAME/OS_PASSWORD of the admin). The admin's project token
# and an application credential are made through $SETUP_URL (default the cloud's identity, http://127.0.0.1:5000),
# the credential deleted at the end. Bodies as tests/bench/run.py's tokens row: method token re-scoping the admin's
# project token to its project by id, the credential by id and secret, password by user id; c=16 (password c=4).
# Each kind, each target in turn: wrk -t1 for 1 s of warm-up, then SECONDS; prints req/s and p50.
set -euo pipefail
seconds=${1:?SECONDS}; shift
[ $# -gt 0 ] || { echo "give one or more targets" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
: "${OS_USERNAME:?run inside deploy/local/strato env}" "${OS_PASSWORD:?run inside deploy/local/strato env}"
work=$(mktemp -d)
cleanup() {
  python3 - "$work" <<'PY' || true
import json, sys, urllib.request
s = json.load(open(sys.argv[1] + "/state.json"))
url = s["setup"] + "/v3/users/" + s["uid"] + "/application_credentials/" + s["cred"]
urllib.request.urlopen(urllib.request.Request(url, method="DELETE", headers={"X-Auth-Token": s["tok"]}))
PY
  rm -rf "$work"
}
trap cleanup EXIT
SETUP_URL=${SETUP_URL:-http://127.0.0.1:5000} python3 - "$work" <<'PY'
import json, os, sys, urllib.request
work, setup = sys.argv[1], os.environ["SETUP_URL"]
def call(method, path, body, tok=None):
    req = urllib.request.Request(setup + path, method=method, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"X-Auth-Token": tok} if tok else {})})
    r = urllib.request.urlopen(req)
    return json.loads(r.read()), r.headers
b, h = call("POST", "/v3/auth/tokens", {"auth": {"identity": {"methods": ["password"], "password": {"user": {
    "name": os.environ["OS_USERNAME"], "domain": {"name": os.environ.get("OS_USER_DOMAIN_NAME", "Default")},
    "password": os.environ["OS_PASSWORD"]}}}, "scope": {"project": {"name": os.environ.get("OS_PROJECT_NAME", "admin"),
    "domain": {"name": os.environ.get("OS_PROJECT_DOMAIN_NAME", "Default")}}}}})
tok, uid, pid = h["X-Subject-Token"], b["token"]["user"]["id"], b["token"]["project"]["id"]
c, _ = call("POST", f"/v3/users/{uid}/application_credentials",
            {"application_credential": {"name": f"replicas-bench-{os.getpid()}"}}, tok)
cred = c["application_credential"]
json.dump({"setup": setup, "tok": tok, "uid": uid, "cred": cred["id"]}, open(work + "/state.json", "w"))
bodies = {
    "token": {"auth": {"identity": {"methods": ["token"], "token": {"id": tok}}, "scope": {"project": {"id": pid}}}},
    "application_credential": {"auth": {"identity": {"methods": ["application_credential"],
                                                     "application_credential": {"id": cred["id"], "secret": cred["secret"]}}}},
    "password": {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "id": uid, "password": os.environ["OS_PASSWORD"]}}}, "scope": {"project": {"id": pid}}}},
}
for kind, body in bodies.items():
    with open(f"{work}/{kind}.lua", "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f"wrk.body = [==[{json.dumps(body)}]==]\n")
PY
for kind in ${KINDS:-token application_credential}; do
  c=16; [ "$kind" = password ] && c=4
  for target in "$@"; do
    case "$target" in *[!0-9]*) url=$target/v3/auth/tokens ;; *) url=http://127.0.0.1:$target/v3/auth/tokens ;; esac
    wrk -t1 -c$c -d1s --timeout 30s -s "$work/$kind.lua" "$url" >/dev/null 2>&1 || true
    printf '%-24s %-5s c=%-2s ' "$kind" "$target" "$c"
    wrk -t1 -c$c -d"${seconds}s" --timeout 30s --latency -s "$work/$kind.lua" "$url" |
      awk '/Requests\/sec/{r=$2} / 50%/{p=$2} /Non-2xx/{e=" " $0} /Socket errors/{s=" " $0} END{print r "/s p50 " p e s}'
  done
done
uptime
