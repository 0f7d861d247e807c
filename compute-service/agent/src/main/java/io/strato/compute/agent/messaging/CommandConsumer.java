package io.strato.compute.agent.messaging;

import java.util.List;
import java.time.Duration;
import io.strato.kit.events.StratoEvent;
import io.strato.kit.events.ConsumerLoop;
import io.strato.kit.events.CloudEventCodec;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Consumes the host's command topic (group {@code agent-<host>}): each command goes to its server's
 * lane ({@link SerialLanes}), so one server's commands run in order while different servers' run side
 * by side; offsets are committed by hand once a command and everything before it are handled and
 * reported (at-least-once). Past {@link #MAX_IN_FLIGHT} unfinished commands, polling pauses.
 */
public final class CommandConsumer extends ConsumerLoop {

    private static final Duration POLL = Duration.ofMillis(200);

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);
    static final int MAX_IN_FLIGHT = 200;

    private final SerialLanes lanes;
    private final CommandDispatcher dispatcher;
    private final OffsetTracker offsets = new OffsetTracker();
    private boolean paused;

    public CommandConsumer(String host, Supplier<KafkaConsumer<String, byte[]>> factory, String topic,
            SerialLanes lanes, CommandDispatcher dispatcher) {
        super("agent-commands-" + host, factory, List.of(topic), POLL);
        this.lanes = lanes;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void process(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            offsets.track(tp, record.offset(), submit(record));
        }
        commit(consumer, offsets.drainCommittable());
        for (Map.Entry<TopicPartition, Long> failed : offsets.drainFailed().entrySet()) {
            // only when stopping before a result was acknowledged: read it again (idempotent handlers)
            consumer.seek(failed.getKey(), failed.getValue());
        }
        boolean full = offsets.inFlight() >= MAX_IN_FLIGHT;
        if (full != paused) {
            if (full) {
                consumer.pause(consumer.assignment());
            } else {
                consumer.resume(consumer.paused());
            }
            paused = full;
        }
    }

    private CompletableFuture<Void> submit(ConsumerRecord<String, byte[]> record) {
        StratoEvent event;
        try {
            event = CloudEventCodec.decode(record.value());
        } catch (CloudEventCodec.MalformedEvent e) {
            LOG.warnf("skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return lanes.submit(CommandDispatcher.laneKey(event), () -> dispatcher.dispatch(event));
    }

    @Override
    protected ConsumerRebalanceListener rebalanceListener(KafkaConsumer<String, byte[]> consumer) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                finish(consumer, partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // start from the committed offsets
            }
        };
    }

    @Override
    protected void beforeClose(KafkaConsumer<String, byte[]> consumer) {
        finish(consumer, consumer.assignment());
        paused = false;
    }

    private void finish(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        offsets.awaitAll(partitions, 30_000);
        commit(consumer, offsets.drainCommittable());
        offsets.forget(partitions);
    }

    private static void commit(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done);
        } catch (KafkaException e) {
            // the commands come again and are handled idempotently
            LOG.warnf("command offset commit failed: %s", e.getMessage());
        }
    }
}
