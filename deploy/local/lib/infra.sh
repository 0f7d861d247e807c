# Infrastructure of deploy/local/strato: Debian packages, PostgreSQL, databases, Kafka.
# Sourced by the strato script, which defines REPO, HERE, STATE and DATABASES.

PG_JUST_INSTALLED=false

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

postgres_present() {
  command -v pg_ctlcluster >/dev/null || command -v postgres >/dev/null \
    || compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

# install_missing: apt-get installs only what is absent; apt-get update runs at most once.
install_missing() {
  local missing=()
  postgres_present || missing+=(postgresql)
  command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v openstack >/dev/null || missing+=(python3-openstackclient)
  command -v curl >/dev/null || missing+=(curl)
  local p
  # libvirt for the compute agents; qemu-img (qemu-utils) makes their instance disks
  for p in libvirt0 libvirt-clients qemu-utils; do
    pkg_installed "$p" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "packages: all present"
    return 0
  fi
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  step "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  case " ${missing[*]} " in *" postgresql "*) PG_JUST_INSTALLED=true ;; esac
}

psql_admin() {
  psql -w -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

# A fresh Debian cluster asks for a password on 127.0.0.1; Strato's local services
# connect as postgres without one (trust on loopback, as on the development machines).
pg_trust_loopback() {
  local hba=$1
  grep -q 'strato: trust postgres on loopback' "$hba" && return 0
  step "allowing user postgres on 127.0.0.1 without password ($hba)"
  as_root sed -i '0,/^[[:space:]]*[^#[:space:]]/s//# strato: trust postgres on loopback\nhost all postgres 127.0.0.1\/32 trust\nhost all postgres ::1\/128 trust\n&/' "$hba"
}

start_postgres() {
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  if $PG_JUST_INSTALLED; then
    [ -n "$version" ] || die "PostgreSQL was installed but has no cluster under /etc/postgresql"
    pg_trust_loopback "/etc/postgresql/$version/main/pg_hba.conf"
    if port_open 5432; then as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload; fi
  fi
  if port_open 5432; then
    say "postgresql: listening on 127.0.0.1:5432"
  else
    [ -n "$version" ] || die "PostgreSQL is installed but has no cluster under /etc/postgresql"
    step "starting PostgreSQL $version/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
    local i
    for i in $(seq 1 30); do port_open 5432 && break; sleep 1; done
    port_open 5432 || die "PostgreSQL did not start listening on 127.0.0.1:5432"
    say "postgresql: started, listening on 127.0.0.1:5432"
  fi
  psql_admin -c 'select 1' >/dev/null \
    || die "cannot connect as postgres to 127.0.0.1:5432 without a password (set PGPASSWORD, or trust loopback in pg_hba.conf)"
  postgres_connections "$version"
  postgres_autovacuum
}

# postgres_autovacuum: a cloud's tables take updates all the time (every saga step rewrites its server's row, every
# event its outbox row), so without autovacuum their dead row versions pile up and their statistics are never
# gathered: after an hour of benchmarks compute's server table held 30,591 dead rows and 14 live ones (16 MB, read
# whole by the saga worker's every poll, 9 ms each). A PostgreSQL configured with autovacuum = off (some CI images
# are) gets it turned on with ALTER SYSTEM, in force at once (a reload).
postgres_autovacuum() {
  [ "$(psql_admin -c 'show autovacuum')" = off ] || return 0
  psql_admin -c "alter system set autovacuum = on" >/dev/null || return 0
  psql_admin -c "select pg_reload_conf()" >/dev/null || return 0
  say "postgresql: autovacuum was off; turned on (ALTER SYSTEM, reloaded)"
}

# postgres_connections VERSION: the cloud's pools take up to ~60 connections (reactive pools 8-12 and 2 JDBC per
# service), and a module test run, a Tempest run or a second instance of a service beside it take more: Debian's
# default max_connections of 100 ran out ("sorry, too many clients already", a 503 from every service). Below
# $STRATO_PG_MAX_CONNECTIONS (default 300) it is raised with ALTER SYSTEM, which needs a restart of PostgreSQL: done
# at once when no other client is connected, else said and left for the next restart.
postgres_connections() {
  local version=$1 want=${STRATO_PG_MAX_CONNECTIONS:-300} have others
  have=$(psql_admin -c 'show max_connections') || return 0
  [ "$have" -lt "$want" ] || return 0
  psql_admin -c "alter system set max_connections = $want" >/dev/null || return 0
  others=$(psql_admin -c "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()")
  if [ "$others" != 0 ] || [ -z "$version" ]; then
    say "postgresql: max_connections $have is below $want; set to $want, in force after PostgreSQL's next restart ($others clients connected now)" >&2
    return 0
  fi
  step "postgresql: max_connections $have -> $want (restarting PostgreSQL $version/main, no client connected)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main restart
  local i
  for i in $(seq 1 30); do psql_admin -c 'select 1' >/dev/null 2>&1 && break; sleep 1; done
  say "postgresql: max_connections $(psql_admin -c 'show max_connections')"
}

# Each database this script creates is marked (COMMENT ON DATABASE) with the state directory whose cloud owns it:
# the databases and the files of $STATE (images, volumes, instances) only make sense together.
create_databases() {
  local db created=() foreign=() owner
  for db in "${DATABASES[@]}"; do
    if [ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
      psql_admin -c "create database \"$db\"" >/dev/null
      psql_admin -c "comment on database \"$db\" is 'strato state: $STATE'" >/dev/null
      created+=("$db")
    else
      owner=$(database_owner "$db")
      [ "$owner" = "$STATE" ] || foreign+=("$db")
    fi
  done
  if [ ${#created[@]} -gt 0 ]; then say "databases: created ${created[*]}"
  else say "databases: ${DATABASES[*]} present"; fi
  if [ ${#foreign[@]} -gt 0 ]; then
    say "WARNING: databases ${foreign[*]} hold the cloud of another state directory ($(database_owner "${foreign[0]}" \
      | sed 's/^$/unknown/')), not $STATE: their images, volumes and instances have no files here." >&2
    say "         'deploy/local/strato reset' drops them and this state's data, to start this cloud afresh." >&2
  fi
}

# database_owner DB: the state directory recorded on DB by create_databases (empty when none)
database_owner() {
  psql_admin -c "select shobj_description(oid, 'pg_database') from pg_database where datname = '$1'" \
    | sed -n 's/^strato state: //p'
}

# reset_state: drops every service database and this state directory's cloud data (images, volumes, instances,
# simulated hosts, Kafka's log); keeps the downloads (Kafka jars, guest files) and the admin password.
reset_state() {
  local db pidfile
  for pidfile in "$STATE"/*.pid; do
    [ -f "$pidfile" ] || continue
    [ "$(basename "$pidfile")" = kafka.pid ] && continue
    kill -0 "$(read_pid "$pidfile")" 2>/dev/null && die "$(basename "$pidfile" .pid) still runs: deploy/local/strato down first"
  done
  start_postgres
  for db in "${DATABASES[@]}"; do
    psql_admin -c "drop database if exists \"$db\" with (force)" >/dev/null
  done
  say "databases: dropped ${DATABASES[*]}"
  if [ -f "$KAFKA_PID" ]; then kafka_down; fi
  rm -rf "$STATE"/{images,volumes,volume-scratch,libvirt-volumes,instances,image-cache,hosts,clouds.yaml} "$KAFKA_DIR/data"
  say "state: removed this cloud's images, volumes, instances, hosts and Kafka log from $STATE"
  create_databases
}

# ---- Kafka: one KRaft node (broker + controller) from Maven Central's jars ----

KAFKA_PORT=${STRATO_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${STRATO_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DIR=$STATE/kafka
KAFKA_PID=$STATE/kafka.pid
KAFKA_OUT=$STATE/kafka.out
KAFKA_LOGS=$STATE
KAFKA_MARKER="$KAFKA_DIR/server.properties"

kafka_fetch() {
  [ -f "$KAFKA_DIR/lib/.complete" ] && return 0
  step "fetching Kafka jars from Maven Central into $KAFKA_DIR/lib"
  rm -rf "$KAFKA_DIR/lib"
  (cd "$REPO" && ./mvnw -B -q -f deploy/local/kafka/pom.xml dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$KAFKA_DIR/lib") || die "could not fetch the Kafka jars"
  touch "$KAFKA_DIR/lib/.complete"
}

kafka_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_DIR/server.properties" <<PROPS
# Written by deploy/local/strato: one KRaft node, broker and controller, for development.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
log.retention.hours=24
# the log cleaner's dedupe map (compacted topics: __consumer_offsets) is allocated whole on the heap at start:
# Kafka's default 128 MiB was half of this broker's heap, for a few thousand keys (docs/benchmarks.md)
log.cleaner.dedupe.buffer.size=4194304
PROPS
}

# Small heap: a single-node development broker needs little. Overridable as a whole.
read -r -a KAFKA_JVM <<<"${STRATO_KAFKA_JAVA_OPTS:--Xmx256m -Xms64m -XX:+UseSerialGC -XX:ActiveProcessorCount=2 -XX:TrimNativeHeapInterval=5000}"

kafka_java() {
  java "${KAFKA_JVM[@]}" -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" -Dkafka.logs.dir="$KAFKA_LOGS" \
    -cp "$KAFKA_DIR/lib/*" "$@"
}

kafka_format() {
  [ -f "$KAFKA_DIR/data/meta.properties" ] && return 0
  local id
  if [ ! -s "$KAFKA_DIR/cluster-id" ]; then
    kafka_java kafka.tools.StorageTool random-uuid >"$KAFKA_DIR/cluster-id"
  fi
  id=$(cat "$KAFKA_DIR/cluster-id")
  step "formatting KRaft storage (cluster $id)"
  kafka_java kafka.tools.StorageTool format -t "$id" -c "$KAFKA_DIR/server.properties" >>"$KAFKA_OUT" 2>&1 \
    || { tail -n 20 "$KAFKA_OUT" >&2; die "Kafka storage format failed"; }
}

kafka_up() {
  mkdir -p "$STATE"
  # test JVMs of several modules may ask for Kafka at once: one starts it, the others wait
  exec 9>"$KAFKA_DIR.lock"
  flock 9
  kafka_up_locked
  exec 9>&-
}

kafka_up_locked() {
  local pid
  pid=$(read_pid "$KAFKA_PID")
  if port_open "$KAFKA_PORT"; then
    if pid_alive "$pid" "$KAFKA_MARKER"; then
      say "kafka: running (pid $pid, 127.0.0.1:$KAFKA_PORT)"
    else
      rm -f "$KAFKA_PID"
      say "kafka: using the broker already listening on 127.0.0.1:$KAFKA_PORT (not started by strato, left alone)"
    fi
    return 0
  fi
  if ! pid_alive "$pid" "$KAFKA_MARKER"; then
    rm -f "$KAFKA_PID"
    port_open "$KAFKA_CONTROLLER_PORT" \
      && die "port $KAFKA_CONTROLLER_PORT (Kafka controller) is taken by another process; set STRATO_KAFKA_CONTROLLER_PORT"
    kafka_fetch
    kafka_config
    kafka_format
    step "starting Kafka on 127.0.0.1:$KAFKA_PORT"
    # nohup and setsid exec in place, so $! is the java process itself
    (close_inherited_fds && exec nohup setsid java "${KAFKA_JVM[@]}" -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" -Dkafka.logs.dir="$KAFKA_LOGS" \
      -cp "$KAFKA_DIR/lib/*" kafka.Kafka "$KAFKA_DIR/server.properties" >>"$KAFKA_OUT" 2>&1 </dev/null) &
    pid=$!
    echo "$pid" >"$KAFKA_PID"
  fi
  local t0=$SECONDS
  wait_port kafka "$KAFKA_PORT" 120 "$pid" "$KAFKA_MARKER" "$KAFKA_LOGS/kafka.log" || die "Kafka failed to start (see $KAFKA_LOGS/kafka.log, $KAFKA_OUT)"
  say "kafka: running (pid $pid, 127.0.0.1:$KAFKA_PORT, ready in $((SECONDS - t0))s)"
}

kafka_down() {
  stop_pid kafka "$KAFKA_PID" "$KAFKA_MARKER"
}

# The test broker: a second KRaft node that the module tests use (kit-testing's StratoInfraResource, the
# compute agent's tests), so that what tests publish (simulated hosts' reports, agent events) never reaches
# a cloud running beside them. Port $STRATO_TEST_KAFKA_PORT (19092) and the next one for its controller;
# its files in $STATE/test-kafka. use_test_kafka points the kafka_* functions at it.
use_test_kafka() {
  KAFKA_PORT=${STRATO_TEST_KAFKA_PORT:-19092}
  KAFKA_CONTROLLER_PORT=${STRATO_TEST_KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
  local main_lib=$KAFKA_DIR/lib
  KAFKA_DIR=$STATE/test-kafka
  KAFKA_PID=$STATE/test-kafka.pid
  KAFKA_OUT=$STATE/test-kafka.out
  KAFKA_LOGS=$KAFKA_DIR
  KAFKA_MARKER="$KAFKA_DIR/server.properties"
  # the same jars as the cloud's broker: copied when already fetched, not fetched twice
  if [ -f "$main_lib/.complete" ] && [ ! -f "$KAFKA_DIR/lib/.complete" ]; then
    mkdir -p "$KAFKA_DIR" && rm -rf "$KAFKA_DIR/lib" && cp -r "$main_lib" "$KAFKA_DIR/lib"
  fi
}
