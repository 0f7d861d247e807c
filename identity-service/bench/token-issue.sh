#!/usr/bin/env bash
# Token issue throughput and latency through the gateway, on a running Strato cloud (starts nothing).
#
#   identity-service/bench/token-issue.sh [IDENTITY_URL] [SECONDS] [CONCURRENCIES]
#   e.g. STRATO_ADMIN_PASSWORD_FILE=~/.strato/admin-password identity-service/bench/token-issue.sh \
#          http://127.0.0.1:8080/identity 15 "1 4"
# IDENTITY_URL is the Keystone base without /v3: through the gateway (default
# http://127.0.0.1:8080/identity) or identity-service directly (http://127.0.0.1:5000) for comparison.
#
# Measures, each for SECONDS (default 15) after a 3 s warm-up, with wrk (one wrk thread, N connections):
#   password  POST /v3/auth/tokens, method password, project-scoped (bcrypt check + roles + sign)
#   token     POST /v3/auth/tokens, method token, re-scoped from a token (no bcrypt)
#   validate  GET  /v3/auth/projects with X-Auth-Token: the hot path of any API call
#             (local JWS validation + revocation check in identity, one DB query)
# Credentials: the admin user of the Default domain on project "admin"; the password is read from
# $STRATO_ADMIN_PASSWORD, else from $STRATO_ADMIN_PASSWORD_FILE (default ~/.strato/admin-password).
# Loopback URLs only. Prints a table: req/s and latency p50/p95/p99 in ms, and any non-2xx answers.
set -euo pipefail

base=${1:-http://127.0.0.1:8080/identity} seconds=${2:-15} concurrencies=${3:-"1 4"}
case "$base" in
  http://127.*|http://localhost[:/]*|http://localhost|http://\[::1\]*) ;;
  *) echo "refusing non-loopback URL: $base" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }
password=${STRATO_ADMIN_PASSWORD:-}
if [ -z "$password" ]; then
  file=${STRATO_ADMIN_PASSWORD_FILE:-$HOME/.strato/admin-password}
  [ -r "$file" ] || { echo "no admin password: set STRATO_ADMIN_PASSWORD or STRATO_ADMIN_PASSWORD_FILE" >&2; exit 2; }
  password=$(cat "$file")
fi
user=${STRATO_BENCH_USER:-admin} project=${STRATO_BENCH_PROJECT:-admin}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# JSON bodies written by python so that any password is quoted correctly
body() { # body METHOD SECRET
  python3 - "$1" "$2" "$user" "$project" <<'PY'
import json, sys
method, secret, user, project = sys.argv[1:]
ident = {"methods": [method]}
if method == "password":
    ident["password"] = {"user": {"name": user, "domain": {"id": "default"}, "password": secret}}
else:
    ident["token"] = {"id": secret}
print(json.dumps({"auth": {"identity": ident,
                           "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}))
PY
}

body password "$password" > "$work/password.json"
token=$(curl -s -o /dev/null -D - --max-time 10 -H 'Content-Type: application/json' \
  --data-binary @"$work/password.json" "$base/v3/auth/tokens" | awk 'tolower($1) == "x-subject-token:" { print $2 }' | tr -d '\r')
[ -n "$token" ] || { echo "cannot get a token from $base/v3/auth/tokens (password auth of $user)" >&2; exit 1; }
body token "$token" > "$work/token.json"

# one Lua script per kind: request shape, and a done() hook printing the figures wrk does not
lua() { # lua NAME METHOD BODY_FILE_OR_EMPTY
  {
    echo "wrk.method = \"$2\""
    echo 'wrk.headers["Content-Type"] = "application/json"'
    # only the GET carries a token header: the POSTs are measured without a header to validate
    if [ -n "$3" ]; then printf 'wrk.body = [==[%s]==]\n' "$(cat "$3")"
    else echo "wrk.headers[\"X-Auth-Token\"] = \"$token\""; fi
    cat <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
  } > "$work/$1.lua"
}
lua password POST "$work/password.json"
lua token POST "$work/token.json"
lua validate GET ""

# the first request of each kind must succeed, or the figures would measure errors
check() { # check NAME METHOD PATH EXPECTED [BODY_FILE]
  local code
  if [ -n "${5:-}" ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X "$2" -H 'Content-Type: application/json' \
      --data-binary @"$5" "$base$3")
  else
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "X-Auth-Token: $token" "$base$3")
  fi
  [ "$code" = "$4" ] || { echo "$1: $2 $3 answers $code, expected $4" >&2; exit 1; }
}
check password POST /v3/auth/tokens 201 "$work/password.json"
check token POST /v3/auth/tokens 201 "$work/token.json"
check validate GET /v3/auth/projects 200

printf 'token-issue.sh %s, wrk -t1 -d%ss (after 3 s warm-up), %s, nproc %s, load before: %s\n' \
  "$base" "$seconds" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %4s %9s %9s %9s %9s %8s\n' kind conns req/s "p50 ms" "p95 ms" "p99 ms" "non-2xx"
for kind in password token validate; do
  case $kind in validate) path=/v3/auth/projects ;; *) path=/v3/auth/tokens ;; esac
  for c in $concurrencies; do
    wrk -t1 -c"$c" -d3s -s "$work/$kind.lua" "$base$path" >/dev/null
    read -r rps p50 p95 p99 bad sockerr < <(wrk -t1 -c"$c" -d"${seconds}s" -s "$work/$kind.lua" "$base$path" \
      | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7 }')
    [ "$sockerr" = 0 ] || echo "$kind c=$c: $sockerr socket errors" >&2
    printf '%-9s %4s %9s %9s %9s %9s %8s\n' "$kind" "$c" "$rps" "$p50" "$p95" "$p99" "$bad"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
