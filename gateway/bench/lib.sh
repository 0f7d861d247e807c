# Shared by gateway/bench/local.sh and closing.sh (sourced, after `set -euo pipefail`): the packaged gateway to run,
# its JVM flags, the checks before a run, and waiting for a process to answer.
#   bench_setup APP_DIR PORT...   sets app (absolute APP_DIR, default gateway/target/quarkus-app) and jvm, checks the
#                                 jar, wrk and that each PORT is free
#   wait_200 URL PID LOG          waits up to 60 s for URL to answer 200; dies (with LOG's tail) if PID exits first
BENCH_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_LIB/../.." && pwd)
# deploy/local's gateway flags (C2 since issue 17's JIT measurement; the figures in docs/benchmarks.md before it are
# C1's), unless GATEWAY_JAVA_OPTS is set
source "$REPO/deploy/local/lib/services.sh"

die() { echo "gateway/bench/$(basename "$0"): $*" >&2; exit 1; }

bench_setup() {
  app=$(cd "${1:-$REPO/gateway/target/quarkus-app}" && pwd)
  shift
  if [ -n "${GATEWAY_JAVA_OPTS:-}" ]; then read -r -a jvm <<<"$GATEWAY_JAVA_OPTS"; else jvm=("${SERVICE_JVM_C2[@]}"); fi
  [ -f "$app/quarkus-run.jar" ] || die "no $app/quarkus-run.jar: ./mvnw -B -q package -pl gateway -DskipTests"
  command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
  local p
  for p in "$@"; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || die "port $p is taken (set BENCH_PORT_BASE)"
  done
}

wait_200() { # wait_200 URL PID LOG
  local i
  for i in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)" = 200 ] && return 0
    kill -0 "$2" 2>/dev/null || { tail -20 "$3" >&2; die "$1: the process exited"; }
    sleep 0.5
  done
  tail -20 "$3" >&2; die "$1 did not answer 200 in 60 s"
}
