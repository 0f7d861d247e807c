package io.strato.kit.data.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.events.StratoEvent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@KitInfra
class OutboxTest {

    static final String CREATED = "strato.kit-test.widget.created.v1";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eventOfACommittedTransactionIsPublishedAsACloudEvent() throws Exception {
        String topic = "strato.kit-test." + UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        Db.inTransaction(() -> new Widget(widget, "gear").persist()
                .chain(() -> outbox.add(topic, CREATED, widget.toString(), Map.of("id", widget.toString(), "name", "gear"))));

        try (KafkaProbe probe = new KafkaProbe(bootstrap, topic)) {
            ConsumerRecord<String, byte[]> record = last(probe.readUntil(r -> true, WAIT));
            assertEquals(widget.toString(), record.key(), "record key is the subject");
            assertEquals("application/cloudevents+json",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));

            JsonNode envelope = mapper.readTree(record.value());
            assertEquals("1.0", envelope.path("specversion").asText());
            UUID.fromString(envelope.path("id").asText());
            assertEquals(CREATED, envelope.path("type").asText());
            assertEquals("/kit-test", envelope.path("source").asText());
            assertEquals(widget.toString(), envelope.path("subject").asText());
            assertEquals("application/json", envelope.path("datacontenttype").asText());
            assertNotNull(OffsetDateTime.parse(envelope.path("time").asText()));
            assertEquals("gear", envelope.path("data").path("name").asText(), "data is inline JSON, not base64");

            StratoEvent decoded = CloudEventCodec.decode(record.value());
            assertEquals(widget.toString(), decoded.subject());
            assertEquals(widget.toString(), decoded.data().path("id").asText());
        }
        awaitTrue(() -> publishedRows(widget) == 1, "outbox row marked published");
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() {
        String topic = "strato.kit-test." + UUID.randomUUID();
        UUID doomed = UUID.randomUUID();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> Db.inTransaction(
                () -> new Widget(doomed, "doomed").persist()
                        .chain(() -> outbox.add(topic, CREATED, doomed.toString(), Map.of("name", "doomed")))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule broken")))));
        assertTrue(failure.getMessage().contains("business rule broken"), failure.getMessage());

        UUID marker = UUID.randomUUID();
        Db.inTransaction(() -> outbox.add(topic, CREATED, marker.toString(), Map.of("name", "marker")));
        try (KafkaProbe probe = new KafkaProbe(bootstrap, topic)) {
            List<ConsumerRecord<String, byte[]>> records = probe.readUntil(r -> marker.toString().equals(r.key()), WAIT);
            assertEquals(1, records.size(), "only the committed event reached Kafka");
        }
        assertEquals(0L, count("select count(*) from strato_outbox where subject = ?1", doomed.toString()));
        assertEquals(0L, count("select count(*) from kit_widget where id = ?1", doomed));
    }

    @Test
    void eventsOfOneSubjectArriveInOrder() {
        String topic = "strato.kit-test." + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 15; i++) {
            int n = i;
            Db.inTransaction(() -> outbox.add(topic, CREATED, subject, Map.of("n", n)));
        }
        try (KafkaProbe probe = new KafkaProbe(bootstrap, topic)) {
            List<ConsumerRecord<String, byte[]>> records = probe.readUntil(
                    r -> CloudEventCodec.decode(r.value()).data().path("n").asInt() == 14, WAIT);
            List<Integer> order = records.stream().map(r -> CloudEventCodec.decode(r.value()).data().path("n").asInt())
                    .toList();
            assertEquals(java.util.stream.IntStream.range(0, 15).boxed().toList(), order);
        }
    }

    @Test
    void addOutsideATransactionIsRefused() {
        Exception e = assertThrows(Exception.class,
                () -> Db.await(() -> outbox.add("strato.kit-test.x", CREATED, "s", Map.of())));
        assertTrue(String.valueOf(e.getMessage()).contains("inside a transaction"), e.toString());
    }

    @Test
    void dataThatIsNotAJsonObjectIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Db.inTransaction(() -> outbox.add("strato.kit-test.x", CREATED, "s", List.of(1, 2))));
        assertThrows(IllegalArgumentException.class,
                () -> Db.inTransaction(() -> outbox.add("strato.kit-test.x", " ", "s", Map.of())));
        assertFalse(bootstrap.isBlank());
    }

    static long publishedRows(UUID subject) {
        return count("select count(*) from strato_outbox where subject = ?1 and published_at is not null",
                subject.toString());
    }

    static long count(String sql, Object... params) {
        return ((Number) Db.scalar(sql, params)).longValue();
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
