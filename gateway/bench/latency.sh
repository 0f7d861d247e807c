#!/usr/bin/env bash
# Gateway added latency: the same upstream measured directly and through the gateway, in one run.
# Starts nothing: point it at an upstream URL and at the gateway URL that routes to the same upstream.
#
#   gateway/bench/latency.sh UPSTREAM_URL GATEWAY_URL [SECONDS] [CONNECTIONS]
#   e.g. gateway/bench/latency.sh http://127.0.0.1:15999/v3/projects http://127.0.0.1:8080/identity/v3/projects 10 8
#
# Loopback addresses only; each measurement is bounded by SECONDS (default 10) after a 2 s warm-up.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
direct=$1 via=$2 seconds=${3:-10} conns=${4:-8}

for url in "$direct" "$via"; do
  case "$url" in
    http://127.*|http://localhost[:/]*|http://\[::1\]*) ;;
    *) echo "refusing non-loopback URL: $url" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
for url in "$direct" "$via"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
  [ "$code" = 200 ] || { echo "$url answers $code, expected 200" >&2; exit 1; }
done

# prints: requests/s p50 p90 p99 (milliseconds)
measure() {
  wrk -t1 -c"$conns" -d2s "$1" >/dev/null
  wrk -t1 -c"$conns" -d"${seconds}s" --latency "$1" | awk -v url="$1" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /^Requests\/sec/ { rps = $2 } /Non-2xx|Socket errors/ { bad = bad $0 }
    END { if (bad) print url ": " bad " non-2xx responses or socket errors" > "/dev/stderr"; printf "%.0f %.3f %.3f %.3f\n", rps, p50, p90, p99 }'
}

read -r d_rps d_p50 d_p90 d_p99 < <(measure "$direct")
read -r g_rps g_p50 g_p90 g_p99 < <(measure "$via")

printf 'wrk -t1 -c%s -d%ss, %s\n' "$conns" "$seconds" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '%-9s %10s %9s %9s %9s\n' "" "req/s" "p50 ms" "p90 ms" "p99 ms"
printf '%-9s %10s %9s %9s %9s\n' direct "$d_rps" "$d_p50" "$d_p90" "$d_p99"
printf '%-9s %10s %9s %9s %9s\n' gateway "$g_rps" "$g_p50" "$g_p90" "$g_p99"
awk -v a="$d_p50" -v b="$g_p50" -v c="$d_p99" -v d="$g_p99" \
  'BEGIN { printf "added    p50 %+.3f ms, p99 %+.3f ms\n", b - a, d - c }'
