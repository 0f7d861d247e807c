package io.strato.kit.events;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

/** Feeds every event of the listened topics to every matching {@link BroadcastListener} of this instance. */
class BroadcastConsumer extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(BroadcastConsumer.class);

    private final List<BroadcastListener> listeners;

    BroadcastConsumer(List<BroadcastListener> listeners, Supplier<KafkaConsumer<String, byte[]>> factory,
            Duration pollTimeout) {
        super("strato-events-broadcast", factory,
                listeners.stream().map(BroadcastListener::topic).distinct().toList(), pollTimeout);
        this.listeners = listeners;
    }

    @Override
    protected void process(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            StratoEvent event;
            try {
                event = CloudEventCodec.decode(record.value());
            } catch (CloudEventCodec.MalformedEvent e) {
                LOG.warnf("broadcast: skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                continue;
            }
            for (BroadcastListener listener : listeners) {
                if (listener.topic().equals(record.topic())) {
                    try {
                        listener.onEvent(event);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "broadcast listener %s failed on %s %s", listener.getClass().getName(),
                                event.type(), event.id());
                    }
                }
            }
        }
    }
}
