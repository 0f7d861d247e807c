package io.strato.compute.agent.messaging;

import io.strato.compute.agent.Json;
import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.events.KafkaClients;
import io.strato.compute.protocol.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;

/** Publishes reports on {@link Topics#REPORTS} as CloudEvents with one idempotent producer, waiting for each ack. */
public class KafkaReportSink implements ReportSink, AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MAX_BLOCK = Duration.ofSeconds(3);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrap;
    private final String source;
    private final String clientId;
    private KafkaProducer<String, byte[]> producer;
    private volatile Instant lastAcknowledged = Instant.EPOCH;

    /** {@code source}: the CloudEvents source of the reports, e.g. {@code /compute-agent/strato-host-1}. */
    public KafkaReportSink(String bootstrap, String source, String clientId) {
        this.bootstrap = bootstrap;
        this.source = source;
        this.clientId = clientId;
    }

    @Override
    public void send(String report, String subject, Object data) {
        var record = CloudEventCodec.record(Topics.REPORTS, UUID.randomUUID(), Topics.reportType(report), source, subject,
                OffsetDateTime.now(ZoneOffset.UTC), Json.MAPPER.valueToTree(data));
        try {
            producer().send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lastAcknowledged = Instant.now();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (!(cause instanceof org.apache.kafka.common.errors.RetriableException)) {
                reset();
            }
            throw new ReportNotSent(report + " report for " + subject + " not acknowledged by Kafka at " + bootstrap
                    + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportNotSent("interrupted while sending a " + report + " report", e);
        }
    }

    /** When Kafka last acknowledged a report (the readiness check's evidence that Kafka is reachable). */
    public Instant lastAcknowledged() {
        return lastAcknowledged;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = KafkaClients.producer(bootstrap, clientId, MAX_BLOCK, DELIVERY_TIMEOUT, Duration.ZERO);
        }
        return producer;
    }

    private synchronized void reset() {
        KafkaClients.discard(producer);
        producer = null;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
