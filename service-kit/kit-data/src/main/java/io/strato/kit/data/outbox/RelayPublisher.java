package io.strato.kit.data.outbox;

import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.events.KafkaClients;
import io.strato.kit.events.EventsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * Sends locked outbox rows with one idempotent, acks=all producer and reports, per row, whether the
 * broker acknowledged it. Blocking: call it from a worker thread, never from the event loop.
 */
@ApplicationScoped
class RelayPublisher {

    private static final Logger LOG = Logger.getLogger(RelayPublisher.class);

    private final EventsConfig config;
    private KafkaProducer<String, byte[]> producer;

    RelayPublisher(EventsConfig config) {
        this.config = config;
    }

    /** Outcome per row id: {@code null} = acknowledged, otherwise why it failed. Blocked rows are absent. */
    synchronized Map<UUID, String> publish(Iterable<PendingEvent> rows) {
        Map<UUID, Future<RecordMetadata>> inFlight = new LinkedHashMap<>();
        Map<UUID, String> outcome = new LinkedHashMap<>();
        String brokerDown = null;
        for (PendingEvent row : rows) {
            if (row.blocked()) {
                continue;
            }
            if (brokerDown != null) {
                outcome.put(row.id(), brokerDown);
                continue;
            }
            try {
                Future<RecordMetadata> sent = producer().send(record(row));
                if (sent.isDone()) {
                    await(sent); // a failed metadata wait comes back as an already failed future
                }
                inFlight.put(row.id(), sent);
            } catch (Exception e) {
                brokerDown = describe(e);
                outcome.put(row.id(), brokerDown);
                if (!(rootCause(e) instanceof RetriableException)) {
                    resetProducer();
                }
            }
        }
        boolean anyFailed = false;
        for (PendingEvent row : rows) {
            Future<RecordMetadata> sent = inFlight.get(row.id());
            if (sent == null) {
                continue;
            }
            try {
                await(sent);
                outcome.put(row.id(), null);
            } catch (Exception e) {
                anyFailed = true;
                outcome.put(row.id(), describe(e));
            }
        }
        if (anyFailed) {
            LOG.warnf("outbox relay: %d of %d events not acknowledged by Kafka (%s); they will be retried",
                    outcome.values().stream().filter(v -> v != null).count(), outcome.size(),
                    config.bootstrapServers());
        }
        return outcome;
    }

    private void await(Future<RecordMetadata> sent) throws Exception {
        Duration wait = config.relay().deliveryTimeout().plus(config.relay().maxBlock()).plusSeconds(1);
        try {
            sent.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static ProducerRecord<String, byte[]> record(PendingEvent row) {
        byte[] value = CloudEventCodec.encode(row.id(), row.type(), row.source(), row.subject(), row.createdAt(),
                row.payload());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), value);
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = KafkaClients.producer(config, "strato-outbox-relay-" + UUID.randomUUID());
        }
        return producer;
    }

    private void resetProducer() {
        KafkaClients.discard(producer);
        producer = null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
