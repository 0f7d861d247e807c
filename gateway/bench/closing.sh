#!/usr/bin/env bash
# Clients that close their connection after each answer (Connection: close), against the same packaged gateway kept
# alive: starts a gateway from APP_DIR on a spare loopback port in front of UPSTREAM (default the local cloud's
# identity-service), warms it 10 s, then ROUNDS rounds of wrk -t1 -c16 on GET /identity/v3 with "Connection: close"
# and with keep-alive; prints the requests, the answers that were not 2xx/3xx and the req/s of each, and how many
# "Connection was closed" failures the gateway logged. Stops the gateway.
#
#   ./mvnw -B -q package -pl gateway -DskipTests
#   gateway/bench/closing.sh [APP_DIR] [SECONDS] [ROUNDS] [UPSTREAM]
#   e.g. gateway/bench/closing.sh /tmp/gw-before 10 3; gateway/bench/closing.sh gateway/target/quarkus-app 10 3
#
# JVM flags: deploy/local's gateway flags unless GATEWAY_JAVA_OPTS is set; access log muted (WARN). Ports:
# BENCH_PORT_BASE (default 18840): +0 gateway, +1 its management interface.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/lib.sh"
seconds=${2:-10} rounds=${3:-3}
upstream=${4:-http://127.0.0.1:5000}
base=${BENCH_PORT_BASE:-18840}
bench_setup "${1:-}" "$base" "$((base + 1))"
curl -fsS -o /dev/null "$upstream/v3" || die "$upstream/v3 does not answer (is the cloud up?)"

log=$(mktemp /tmp/gateway-closing.XXXXXX.log)
(cd /tmp && exec java "${jvm[@]}" -Dquarkus.http.port="$base" -Dquarkus.management.port="$((base + 1))" \
  -Dstrato.gateway.routes.identity.upstream="$upstream" \
  -Dquarkus.log.category.\"io.strato.gateway.access\".level=WARN -jar "$app/quarkus-run.jar" >"$log" 2>&1) &
gw=$!
trap 'kill $gw 2>/dev/null; wait $gw 2>/dev/null || true' EXIT
url="http://127.0.0.1:$base/identity/v3"
wait_200 "$url" "$gw" "$log"
wrk -t1 -c16 -d10s -H "Connection: close" "$url" >/dev/null
for r in $(seq 1 "$rounds"); do
  for h in close keep-alive; do
    out=$(wrk -t1 -c16 -d"${seconds}s" -H "Connection: $h" "$url")
    printf 'round %s  Connection: %-10s  %8s requests  %3s not 2xx/3xx  %10s req/s\n' "$r" "$h" \
      "$(echo "$out" | grep -oE '[0-9]+ requests in' | grep -oE '^[0-9]+')" \
      "$( (echo "$out" | grep -oE 'Non-2xx or 3xx responses: [0-9]+' || echo ': 0') | grep -oE '[0-9]+$')" \
      "$(echo "$out" | grep -oE 'Requests/sec: +[0-9.]+' | grep -oE '[0-9.]+$')"
  done
done
echo "\"Connection was closed\" failures in the gateway's log: $(grep -c 'Connection was closed' "$log" || true) ($log)"
