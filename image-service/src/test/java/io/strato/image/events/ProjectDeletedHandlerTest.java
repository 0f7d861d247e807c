package io.strato.image.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.OffsetDateTime;
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

/** identity's project-deleted event, sent through the real broker, removes that project's images (and quota row) only. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ProjectDeletedHandlerTest {

    @Test
    void aDeletedProjectsImagesAreDeleted() throws Exception {
        String doomed = "p-" + UUID.randomUUID();
        String kept = "p-" + UUID.randomUUID();
        String a = create(doomed, "{\"name\":\"a\"}");
        create(doomed, "{\"name\":\"b\",\"protected\":true}");
        String other = create(kept, "{\"name\":\"c\"}");
        assertEquals(1, count("select count(*) from image_project_quota where project_id = ?", doomed));

        send(doomed);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (count("select count(*) from image where owner = ?", doomed) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, count("select count(*) from image where owner = ?", doomed));
        assertEquals(1, count("select count(*) from image where owner = ?", kept));
        assertEquals(0, count("select count(*) from image_project_quota where project_id = ?", doomed),
                "the deleted project's quota row goes with its images");
        assertEquals(1, count("select count(*) from image_project_quota where project_id = ?", kept));
        assertEquals(1, count("select count(*) from strato_outbox where type = 'strato.image.image.deleted.v1'"
                + " and subject = ?", a));
        assertEquals(0, count("select count(*) from strato_outbox where type = 'strato.image.image.deleted.v1'"
                + " and subject = ?", other));
    }

    private static String create(String project, String json) {
        return given().header("X-Auth-Token", TestIdentity.token("u-" + project, project, "member", "reader"))
                .contentType(ContentType.JSON).body(json).post("/v2/images")
                .then().statusCode(201).extract().path("id");
    }

    private static void send(String projectId) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        byte[] event = CloudEventCodec.encode(UUID.randomUUID(), "strato.identity.project.deleted.v1", "/identity",
                projectId, OffsetDateTime.now(), "{\"id\":\"" + projectId + "\"}");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>("strato.identity", projectId, event);
            r.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
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
