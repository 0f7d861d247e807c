package io.strato.network.agent.events;

import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.events.ConsumerLoop;
import io.strato.kit.events.StratoEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Follows network-service's events and the agents' heartbeats in this host's own consumer group. Each batch
 * updates the state, then wakes the reconciler once; offsets are committed after the batch. When partitions
 * are assigned (start, or a rebalance), events may have been missed: a resync is requested.
 */
public final class NetworkEventConsumer extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(NetworkEventConsumer.class);

    private final EventRouter router;
    private final Runnable changed;
    private final Runnable missedEvents;

    public NetworkEventConsumer(Supplier<KafkaConsumer<String, byte[]>> factory, List<String> topics, EventRouter router,
            Runnable changed, Runnable missedEvents) {
        super("network-agent-events", factory, topics, Duration.ofMillis(100));
        this.router = router;
        this.changed = changed;
        this.missedEvents = missedEvents;
    }

    @Override
    protected void process(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        boolean any = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            StratoEvent event;
            try {
                event = CloudEventCodec.decode(record.value());
            } catch (CloudEventCodec.MalformedEvent e) {
                LOG.warnf("skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                continue;
            }
            try {
                any |= router.route(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "skipping %s %s: its handler failed", event.type(), event.id());
            }
        }
        if (any) {
            changed.run();
        }
        consumer.commitAsync();
    }

    @Override
    protected ConsumerRebalanceListener rebalanceListener(KafkaConsumer<String, byte[]> consumer) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // offsets are committed per batch
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    missedEvents.run();
                }
            }
        };
    }

    @Override
    protected void beforeClose(KafkaConsumer<String, byte[]> consumer) {
        try {
            consumer.commitSync(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debugf("final commit failed: %s", e.getMessage());
        }
    }
}
