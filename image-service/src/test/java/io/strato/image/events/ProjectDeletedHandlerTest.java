package io.strato.image.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * identity's project-deleted event, sent through the real broker, removes that project's images (and quota row)
 * only; an event naming no usable project is skipped without holding up the ones after it.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ProjectDeletedHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeletedProjectsImagesAreDeleted() throws Exception {
        String doomed = "p-" + UUID.randomUUID();
        String kept = "p-" + UUID.randomUUID();
        String a = create(doomed, "{\"name\":\"a\"}");
        create(doomed, "{\"name\":\"b\",\"protected\":true}");
        String other = create(kept, "{\"name\":\"c\"}");
        assertEquals(1, count("select count(*) from quota_lock where project_id = ?", doomed));

        send(doomed);

        await("the deleted project's images are gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from image where owner = ?", doomed), equalTo(0L));
        assertEquals(0, count("select count(*) from image where owner = ?", doomed));
        assertEquals(1, count("select count(*) from image where owner = ?", kept));
        assertEquals(0, count("select count(*) from quota_lock where project_id = ?", doomed),
                "the deleted project's quota row goes with its images");
        assertEquals(1, count("select count(*) from quota_lock where project_id = ?", kept));
        assertEquals(1, count("select count(*) from strato_outbox where type = 'strato.image.image.deleted.v1'"
                + " and subject = ?", a));
        assertEquals(0, count("select count(*) from strato_outbox where type = 'strato.image.image.deleted.v1'"
                + " and subject = ?", other));
    }

    /**
     * A project id with a NUL (PostgreSQL refuses it in text) is skipped, not retried forever: it deletes
     * nothing (not the project whose id it starts with either), and the next event of the same partition
     * is still handled.
     */
    @Test
    void anEventWithANulInTheProjectIdIsSkippedAndTheNextOneHandled() throws Exception {
        String doomed = "p-" + UUID.randomUUID();
        String kept = "p-" + UUID.randomUUID();
        String own = create(doomed, "{\"name\":\"own\"}");
        String shared = create(kept, "{\"name\":\"shared\",\"visibility\":\"shared\"}");
        given().header("X-Auth-Token", token(kept)).contentType(ContentType.JSON)
                .body("{\"member\":\"" + doomed + "\"}").post("/v2/images/{id}/members", shared)
                .then().statusCode(200);

        UUID nul = UUID.randomUUID();
        send(doomed, identityEvent(nul, doomed + "\u0000"));
        awaitProcessed(nul);
        assertEquals(1, count("select count(*) from image where owner = ?", doomed), "the NUL event deleted nothing");
        assertEquals(1, count("select count(*) from image_member where member_id = ?", doomed));

        UUID good = UUID.randomUUID();
        send(doomed, identityEvent(good, doomed));
        awaitProcessed(good);
        assertEquals(0, count("select count(*) from image where id = ?::uuid", own));
        assertEquals(0, count("select count(*) from image_member where member_id = ?", doomed),
                "the deleted project is no member of other projects' images any more");
        assertEquals(1, count("select count(*) from image where id = ?::uuid", shared));
    }

    private static String token(String project) {
        return TestIdentity.token("u-" + project, project, "member", "reader");
    }

    private static String create(String project, String json) {
        return given().header("X-Auth-Token", token(project))
                .contentType(ContentType.JSON).body(json).post("/v2/images")
                .then().statusCode(201).extract().path("id");
    }

    private static void send(String projectId) throws Exception {
        send(projectId, identityEvent(UUID.randomUUID(), projectId));
    }

    /** What identity's ProjectService writes to its outbox when a project is deleted. */
    private static byte[] identityEvent(UUID id, String projectId) throws Exception {
        return CloudEventCodec.encode(id, "strato.identity.project.deleted.v1", "/identity", projectId,
                OffsetDateTime.now(), JSON.writeValueAsString(Map.of("id", projectId, "name", "n", "domain_id", "default",
                        "enabled", true)));
    }

    /** As identity's outbox relay (key = subject), always to partition 0: later records wait for a failing one. */
    private static void send(String key, byte[] event) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>("strato.identity", 0, key, event);
            r.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until this service's consumer has committed its handling of the event (or skipped it as handled). */
    private static void awaitProcessed(UUID event) throws Exception {
        String group = ConfigProvider.getConfig().getValue("strato.events.group", String.class);
        await("event " + event + " handled (else the consumer is stuck on it)").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from strato_processed_event where id = ?::uuid and consumer = ?",
                        event.toString(), group), greaterThan(0L));
    }

    private static long count(String sql, Object... params) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
