#!/bin/sh
# One KRaft node (broker + controller) for development: writes server.properties from the environment, formats
# $KAFKA_DATA on first start, runs the broker in the foreground, logging to stdout.
#   KAFKA_ADVERTISED_HOST  the name clients reach it by (the Service's name), default kafka
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_DATA (/var/lib/kafka), KAFKA_JAVA_OPTS
set -eu
PORT=${KAFKA_PORT:-9092}
CPORT=${KAFKA_CONTROLLER_PORT:-9093}
DATA=${KAFKA_DATA:-/var/lib/kafka}
mkdir -p "$DATA/log"
CONF=$DATA/server.properties
cat >"$CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CPORT
listeners=PLAINTEXT://0.0.0.0:$PORT,CONTROLLER://127.0.0.1:$CPORT
advertised.listeners=PLAINTEXT://${KAFKA_ADVERTISED_HOST:-kafka}:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/log
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
kafka() { java $KAFKA_JAVA_OPTS -Djava.awt.headless=true -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties \
  -cp '/opt/kafka/lib/*' "$@"; }
if [ ! -f "$DATA/log/meta.properties" ]; then
  [ -s "$DATA/cluster-id" ] || kafka kafka.tools.StorageTool random-uuid >"$DATA/cluster-id"
  kafka kafka.tools.StorageTool format -t "$(cat "$DATA/cluster-id")" -c "$CONF"
fi
exec java $KAFKA_JAVA_OPTS -Djava.awt.headless=true -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties \
  -cp '/opt/kafka/lib/*' kafka.Kafka "$CONF"
