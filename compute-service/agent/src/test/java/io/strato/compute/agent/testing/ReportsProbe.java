package io.strato.compute.agent.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.strato.compute.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the reports topic from its current end, the way compute-service's kit consumer reads it:
 * a structured-mode CloudEvent with the {@code content-type} header, decoded by the CloudEvents library.
 */
public final class ReportsProbe implements AutoCloseable {

    /** A report as compute-service sees it. */
    public record Received(String key, String contentType, CloudEvent event) {
        public String json() {
            return event.getData() == null ? "" : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> seen = new ArrayList<>();

    public ReportsProbe(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (partitions.isEmpty() && System.currentTimeMillis() < deadline) {
            var infos = consumer.partitionsFor(Topics.REPORTS, Duration.ofSeconds(5));
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the test acts
    }

    /** The first report (since the probe was made) matching {@code test}, waiting up to {@code timeout}. */
    public Received await(Predicate<Received> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Received r : seen) {
            if (test.test(r)) {
                return r;
            }
        }
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Header h = record.headers().lastHeader("content-type");
                CloudEvent event = new JsonFormat().deserialize(record.value());
                Received r = new Received(record.key(), h == null ? null : new String(h.value(), StandardCharsets.UTF_8),
                        event);
                seen.add(r);
                if (test.test(r)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no matching report within " + timeout + "; saw " + seen.size() + " reports");
    }

    @Override
    public void close() {
        consumer.close();
    }
}
