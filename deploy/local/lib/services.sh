# Strato services of deploy/local/strato: build, start, stop, wait for health.
# Sourced by the strato script, which defines REPO, STATE, SERVICES and service_env().

# JVM shape of one service: 2 cores, small heap, quick start, low resident memory. -XX:TrimNativeHeapInterval=5000
# (glibc malloc_trim every 5 s) in every JVM of the stack: after load, one trim gave back 8-28 MB per C1 JVM and
# Kafka (~100 MB over the stack with the real host; docs/benchmarks.md "The stack's memory with the real host").
# Measured on a loaded 2-core machine: identity-service 333 MB RSS and ready in 68 s with the
# JVM defaults, 225 MB and 39 s with these (its metaspace alone is ~97 MB: Hibernate, Kafka,
# OIDC); gateway 93 MB / 10.6 s with defaults, 74-80 MB / 3.5 s with these. -Xmx96m saved nothing.
SERVICE_JVM_COMMON="-Xms16m -Xmx160m -Xss512k -XX:+UseSerialGC -XX:ActiveProcessorCount=2 -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -XX:TrimNativeHeapInterval=5000"
# JIT per service (docs/benchmarks.md "JIT flags (issue 17)", tests/bench/jit.py): full tiered compilation (C2) for
# the two that every request and every login go through, identity-service and the gateway: once warm (a minute or
# more of load), 1.6-2.6x less CPU per request than C1 only, for +62 MB (identity) and +40-45 MB (gateway) of RSS after
# load, of which -XX:TrimNativeHeapInterval=5000 (glibc malloc_trim every 5 s) gives back 20-24 MB: C2's freed
# compile memory. It paid as much in network-service (2.5-2.8x), but C2 in all six services would cost ~330 MB and
# take the stack past 2.5 GB. image-service has C2 too: MD5 and SHA-512 of an upload (Glance's checksum and
# os_hash_value) have intrinsics in C2 only; under C1 SHA-512 alone runs at 89 MiB/s, under C2 at 660 (RSS after
# uploads 303-336 MB against 233-255 under C1; docs/benchmarks.md "Image upload (issue 17)"). network-service has C2
# since Kafka's heap shrank by ~160 MB (its log cleaner's buffer): port create at 20 in flight p50 93-102 -> 65-70 ms
# and a quarter less of its CPU, for +32 MB after load (docs/benchmarks.md "C2 for network-service"); compute-service
# was measured too and gained nothing in the burst row for +38 MB. The others keep C1 only
# (-XX:TieredStopAtLevel=1). STRATO_JAVA_OPTS replaces both.
read -r -a SERVICE_JVM <<<"${STRATO_JAVA_OPTS:-$SERVICE_JVM_COMMON -XX:TieredStopAtLevel=1}"
read -r -a SERVICE_JVM_C2 <<<"${STRATO_JAVA_OPTS:-$SERVICE_JVM_COMMON}"

START_TIMEOUT=${STRATO_START_TIMEOUT:-180}

# each_service FN: calls FN name dir port health for every row of SERVICES
each_service() {
  local fn=$1 row name dir port health
  for row in "${SERVICES[@]}"; do
    read -r name dir port health <<<"$row"
    "$fn" "$name" "$dir" "$port" "$health"
  done
}

# the rows whose module exists, in order (later issues add modules and rows)
present_services() {
  local row name dir port health
  for row in "${SERVICES[@]}"; do
    read -r name dir port health <<<"$row"
    [ -f "$REPO/$dir/pom.xml" ] && printf '%s\n' "$row"
  done
  return 0
}

service_port() {
  local row name dir port health
  for row in "${SERVICES[@]}"; do
    read -r name dir port health <<<"$row"
    [ "$name" = "$1" ] && { echo "$port"; return 0; }
  done
  return 1
}

service_jar() { echo "$REPO/$1/target/quarkus-app/quarkus-run.jar"; }

# management_port NAME PORT: where a process serves its /q/* (health with its checks, metrics, OpenAPI), on
# 127.0.0.1 only; its API port answers /q/health/live and /ready with the status alone (docs/reliability.md). The
# services' ports are their application.properties' own; an agent's is its health port + 100 (8901, 8902...).
management_port() {
  case "$1" in
    gateway) echo 9100 ;;
    identity-service) echo 9101 ;;
    compute-service) echo 9102 ;;
    network-service) echo 9103 ;;
    volume-service) echo 9104 ;;
    image-service) echo 9105 ;;
    *) echo $(($2 + 100)) ;;
  esac
}

# stale DIR: the jar is missing or a source it is built from is newer (cheap: first hit wins).
# A sibling protocol module (compute-service/protocol for compute-service/api and /agent) and the kit's
# production modules (service-kit/kit-core, kit-api, kit-data, host-kit) count too.
stale() {
  local jar protocol
  jar=$(service_jar "$1")
  [ -f "$jar" ] || return 0
  protocol=$REPO/$(dirname "$1")/protocol
  [ -d "$protocol/src/main" ] || protocol=""
  local kit=() k
  for k in service-kit/kit-core service-kit/kit-api service-kit/kit-data host-kit; do
    kit+=("$REPO/$k/src/main" "$REPO/$k/pom.xml")
  done
  [ -n "$(find "$REPO/$1/src/main" "$REPO/$1/pom.xml" "${kit[@]}" "$REPO/service-kit/pom.xml" \
            "$REPO/pom.xml" ${protocol:+"$protocol/src/main" "$protocol/pom.xml"} -newer "$jar" -print -quit 2>/dev/null)" ]
}

# build_services: packages the modules whose jar is missing or older than their sources.
# A running service whose jar is about to be replaced is stopped first (a JVM must not
# see its jars swapped underneath it) and is started again, on the new code, by `up`.
build_services() {
  local name dir port health stale_dirs=()
  while read -r name dir port health; do
    [ -n "$name" ] || continue
    stale "$dir" || continue
    # several rows share a module (the compute agents): build it once
    [[ " ${stale_dirs[*]} " == *" $dir "* ]] || stale_dirs+=("$dir")
    if pid_alive "$(read_pid "$STATE/$name.pid")" "$(service_jar "$dir")"; then
      say "$name: sources changed, restarting it on the new build"
      stop_service "$name" "$dir"
    fi
  done < <(present_services)
  if [ ${#stale_dirs[@]} -eq 0 ]; then
    say "build: up to date"
    return 0
  fi
  local modules
  modules=$(IFS=,; echo "${stale_dirs[*]}")
  step "building $modules (./mvnw -B -q package -DskipTests)"
  (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl "$modules" -am) || die "build failed"
}

# start_service NAME DIR PORT HEALTH: starts the jar in the background unless already running
start_service() {
  local name=$1 dir=$2 port=$3 health=$4
  local pidfile=$STATE/$name.pid log=$STATE/$name.log jar pid
  jar=$(service_jar "$dir")
  pid=$(read_pid "$pidfile")
  local envs=() changed
  mapfile -t envs < <(service_env "$name")
  if pid_alive "$pid" "$jar" && changed=$(env_changed "$pid" "${envs[@]}"); then
    # e.g. a cloud started before up gave network-service the public physical network: apply what up gives now
    say "$name: runs with another $changed than up gives it now; restarting it"
    stop_service "$name" "$dir"
  fi
  if pid_alive "$pid" "$jar"; then
    say "$name: already running (pid $pid)"
  elif port_open "$port"; then
    rm -f "$pidfile"
    warn "$name: port $port is taken by a process strato did not start (pid $(listener_pid "$port")); leaving it and checking its health"
  else
    [ -f "$jar" ] || die "$name: $jar is missing (build failed?)"
    rm -f "$pidfile"
    printf '\n==== %s starting %s\n' "$(date -Is)" "$name" >>"$log"
    local jvm=("${SERVICE_JVM[@]}")
    case "$name" in
      identity-service | gateway | image-service | network-service) jvm=("${SERVICE_JVM_C2[@]}") ;;
      compute-agent-* | network-agent-*) jvm=("${AGENT_JVM[@]}") ;;
    esac
    (cd "$STATE" && close_inherited_fds && exec env "${envs[@]}" nohup setsid java "${jvm[@]}" \
        -Dquarkus.http.port="$port" -Dquarkus.management.port="$(management_port "$name" "$port")" \
        -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" -jar "$jar" >>"$log" 2>&1 </dev/null) &
    pid=$!
    echo "$pid" >"$pidfile"
  fi
  wait_healthy "$name" "$port" "$health" "$pid" "$jar" "$log"
}

# env_changed PID VAR=value...: the name of the first variable that the running process PID was started without (or
# with another value); fails when it has them all
env_changed() {
  local pid=$1 have e
  shift
  have=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null) || return 1
  for e in "$@"; do
    grep -qxF -- "$e" <<<"$have" || { echo "${e%%=*}"; return 0; }
  done
  return 1
}

# wait_healthy NAME PORT PATH PID MARKER LOG
wait_healthy() {
  local name=$1 port=$2 path=$3 pid=$4 marker=$5 log=$6 t0=$SECONDS
  local url="http://127.0.0.1:$port$path"
  while [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ]; do
    if curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null; then
      say "$name: ready on 127.0.0.1:$port ($((SECONDS - t0))s)"
      return 0
    fi
    if [ -n "$pid" ] && ! child_alive "$pid"; then
      say "$name exited during startup; last lines of $log:" >&2
      tail -n 60 "$log" >&2 || true
      die "$name failed to start"
    fi
    sleep 1
  done
  say "$name: $url not ready after ${START_TIMEOUT}s; last lines of $log:" >&2
  tail -n 60 "$log" >&2 || true
  die "$name failed to become ready"
}

stop_service() {
  local name=$1 dir=$2
  stop_pid "$name" "$STATE/$name.pid" "$(service_jar "$dir")"
}
