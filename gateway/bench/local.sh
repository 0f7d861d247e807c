#!/usr/bin/env bash
# The gateway's own cost, with nothing else of the cloud: starts a trivial upstream (Upstream.java, Vert.x) and a
# packaged gateway in front of it on spare loopback ports, measures the same request direct and through the gateway
# with wrk at CONNECTIONS, prints both and what the gateway adds, and stops both.
#
#   ./mvnw -B -q package -pl gateway -DskipTests
#   gateway/bench/local.sh [APP_DIR] [SECONDS] [CONNECTIONS]
#   e.g. gateway/bench/local.sh gateway/target/quarkus-app 15 16
#
# APP_DIR is a quarkus-app directory (default gateway/target/quarkus-app): give a copy of an older build to compare
# two versions on the same machine. The gateway runs with deploy/local's JVM flags unless GATEWAY_JAVA_OPTS is set,
# with its access log on as in the cloud (GATEWAY_ACCESS_LOG=WARN mutes it), written to a file, not a terminal.
# Ports: BENCH_PORT_BASE (default 18830): +0 gateway, +1 upstream, +2 the gateway's management interface.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/lib.sh"
seconds=${2:-15} conns=${3:-16}
base=${BENCH_PORT_BASE:-18830}
gw_port=$base up_port=$((base + 1)) mgmt_port=$((base + 2))
bench_setup "${1:-}" "$gw_port" "$up_port" "$mgmt_port"

work=$(mktemp -d)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

java -cp "$app/lib/main/*" "$HERE/Upstream.java" "$up_port" >"$work/upstream.log" 2>&1 &
pids+=($!)
wait_200 "http://127.0.0.1:$up_port/v3/projects" "${pids[-1]}" "$work/upstream.log"
STRATO_GATEWAY_ROUTES_IDENTITY_UPSTREAM=http://127.0.0.1:$up_port QUARKUS_HTTP_PORT=$gw_port \
  QUARKUS_MANAGEMENT_PORT=$mgmt_port QUARKUS_LOG_CATEGORY__IO_STRATO_GATEWAY_ACCESS__LEVEL=${GATEWAY_ACCESS_LOG:-INFO} \
  java "${jvm[@]}" -jar "$app/quarkus-run.jar" >"$work/gateway.log" 2>&1 &
pids+=($!)
gw_pid=$!
wait_200 "http://127.0.0.1:$gw_port/identity/v3/projects" "$gw_pid" "$work/gateway.log"

direct=http://127.0.0.1:$up_port/v3/projects via=http://127.0.0.1:$gw_port/identity/v3/projects
# the JIT of both JVMs first: 10 s through the gateway, 3 s direct
wrk -t1 -c"$conns" -d10s "$via" >/dev/null
wrk -t1 -c"$conns" -d3s "$direct" >/dev/null

# CPU time (user + system, clock ticks) the gateway has used so far
gw_ticks() { awk '{ print $14 + $15 }' "/proc/$gw_pid/stat"; }
# prints: requests/s p50 p90 p99 (ms) errors requests gateway-CPU-ticks
measure() {
  local t0 t1
  t0=$(gw_ticks)
  wrk -t1 -c"$conns" -d"${seconds}s" --latency "$1" >"$work/wrk.out"
  t1=$(gw_ticks)
  awk -v ticks=$((t1 - t0)) '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1 } /^Requests\/sec/ { rps = $2 } /Non-2xx|Socket errors/ { bad = bad $0 }
    END { printf "%.0f %.3f %.3f %.3f %s %d %d\n", rps, p50, p90, p99, (bad ? "yes" : "none"), n, ticks }' "$work/wrk.out"
}
# direct, gateway, direct again: the two direct runs bound the machine's drift during the gateway's
read -r d_rps d_p50 d_p90 d_p99 d_bad _ _ < <(measure "$direct")
read -r g_rps g_p50 g_p90 g_p99 g_bad g_n g_ticks < <(measure "$via")
read -r e_rps e_p50 e_p90 e_p99 e_bad _ _ < <(measure "$direct")
rss=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$gw_pid/status")

printf 'gateway/bench/local.sh %s, wrk -t1 -c%s -d%ss, %s, nproc %s, load %s\n' "$app" "$conns" "$seconds" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %9s %9s %9s %9s %s\n' "" "req/s" "p50 ms" "p90 ms" "p99 ms" errors
printf '%-10s %9s %9s %9s %9s %s\n' direct "$d_rps" "$d_p50" "$d_p90" "$d_p99" "$d_bad"
printf '%-10s %9s %9s %9s %9s %s\n' gateway "$g_rps" "$g_p50" "$g_p90" "$g_p99" "$g_bad"
printf '%-10s %9s %9s %9s %9s %s\n' direct "$e_rps" "$e_p50" "$e_p90" "$e_p99" "$e_bad"
awk -v d1="$d_rps" -v d2="$e_rps" -v g="$g_rps" -v a="$d_p50" -v a2="$e_p50" -v b="$g_p50" \
    -v c="$d_p99" -v c2="$e_p99" -v d="$g_p99" -v rss="$rss" -v n="$g_n" -v ticks="$g_ticks" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN {
  dr = (d1 + d2) / 2; p50 = (a + a2) / 2; p99 = (c + c2) / 2
  printf "gateway: %.0f%% of direct throughput (goal >= 70%%), %+.3f ms at p50 (goal < 1), %+.3f ms at p99 (goal < 2); gateway RSS %d MB\n",
    100 * g / dr, b - p50, d - p99, rss
  printf "gateway CPU: %.0f us per request (user + system, all its threads)\n", ticks / hz * 1e6 / n }'
