package io.strato.kit.data.events;

import io.strato.kit.events.ConsumerLoop;
import io.strato.kit.events.StratoEvent;
import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.events.EventsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The service's one group consumer: for each event, runs every accepting {@link EventHandler} and
 * records the id in {@code strato_processed_event} in one reactive transaction (an id already there is
 * skipped), then commits offsets. A failed event is retried with back-off before later records of its
 * partition; a record that is not a CloudEvent is logged and skipped.
 */
class GroupConsumer extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(GroupConsumer.class);
    private static final String RECORD_ID = "insert into strato_processed_event (id, consumer) values (:id, :consumer)"
            + " on conflict do nothing";

    private final List<EventHandler> handlers;
    private final String group;
    private final Duration handleTimeout;
    private final Duration maxBackoff;
    private Duration backoff = Duration.ofMillis(500);

    GroupConsumer(EventsConfig config, List<EventHandler> handlers, Supplier<KafkaConsumer<String, byte[]>> factory) {
        super("strato-events-" + config.group(), factory,
                handlers.stream().map(EventHandler::topic).distinct().toList(), config.consumer().pollTimeout());
        this.handlers = handlers;
        this.group = config.group();
        this.handleTimeout = config.consumer().handleTimeout();
        this.maxBackoff = config.consumer().maxBackoff();
    }

    @Override
    protected void process(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean failed = false;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
                if (!isRunning() || !handle(record)) {
                    consumer.seek(tp, record.offset());
                    failed = true;
                    break;
                }
                done.put(tp, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            try {
                consumer.commitSync(done);
            } catch (KafkaException e) {
                // redelivered later and skipped thanks to strato_processed_event
                LOG.warnf("%s: offset commit failed: %s", group, e.getMessage());
            }
        }
        if (failed && isRunning()) {
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        } else if (!failed) {
            backoff = Duration.ofMillis(500);
        }
    }

    /** Returns false when the record must be retried. */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        StratoEvent event;
        try {
            event = CloudEventCodec.decode(record.value());
        } catch (CloudEventCodec.MalformedEvent e) {
            LOG.warnf("%s: skipping %s-%d@%d: %s", group, record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return true;
        }
        List<EventHandler> matching = handlers.stream()
                .filter(h -> h.topic().equals(record.topic()) && h.accepts(event.type())).toList();
        if (matching.isEmpty()) {
            return true;
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> handleOnce(event, matching)
                    .ifNoItem().after(handleTimeout).fail());
            return true;
        } catch (Throwable e) {
            LOG.errorf(e, "%s: handling %s %s failed; will retry", group, event.type(), event.id());
            return false;
        }
    }

    private Uni<Void> handleOnce(StratoEvent event, List<EventHandler> matching) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(RECORD_ID)
                        .setParameter("id", event.id())
                        .setParameter("consumer", group)
                        .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem() : runAll(event, matching)));
    }

    private static Uni<Void> runAll(StratoEvent event, List<EventHandler> matching) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventHandler h : matching) {
            chain = chain.chain(() -> h.handle(event));
        }
        return chain;
    }
}
