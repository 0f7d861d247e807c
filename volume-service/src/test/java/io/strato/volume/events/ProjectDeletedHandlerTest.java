package io.strato.volume.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** identity's project-deleted event, sent through the real broker, deletes that project's volumes and snapshots only. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ProjectDeletedHandlerTest {

    @Test
    void aDeletedProjectsVolumesAndSnapshotsAreDeleted() throws Exception {
        Api doomed = Api.member();
        Api kept = Api.member();
        Api admin = Api.admin();
        admin.req().body("{\"quota_set\": {\"volumes\": 20}}").put(admin.url("/os-quota-sets/" + doomed.project()))
                .then().statusCode(200);
        String v1 = doomed.createVolume("{\"volume\": {\"size\": 1}}");
        String v2 = doomed.createVolume("{\"volume\": {\"size\": 2}}");
        String other = kept.createVolume("{\"volume\": {\"size\": 1}}");
        doomed.await(v1, "available");
        doomed.await(v2, "available");
        kept.await(other, "available");
        String snap = doomed.req().body("{\"snapshot\": {\"volume_id\": \"" + v1 + "\"}}").post(doomed.url("/snapshots"))
                .then().statusCode(202).extract().path("snapshot.id");
        doomed.awaitSnapshot(snap, "available");
        Path snapFile = dir().resolve("snapshot-" + snap + ".qcow2");
        assertTrue(Files.exists(snapFile));

        send(doomed.project());

        Awaitility.await("the deleted project's volumes go").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from volume where project_id = ?", doomed.project()) == 0);
        assertEquals(0, count("select count(*) from volume where project_id = ?", doomed.project()));
        assertEquals(0, count("select count(*) from snapshot where project_id = ?", doomed.project()));
        assertEquals(1, count("select count(*) from volume where project_id = ?", kept.project()));
        assertFalse(Files.exists(dir().resolve("volume-" + v1 + ".qcow2")));
        assertFalse(Files.exists(dir().resolve("volume-" + v2 + ".qcow2")));
        assertFalse(Files.exists(snapFile), "the snapshot's file goes with its volume");
        assertTrue(Files.exists(dir().resolve("volume-" + other + ".qcow2")));
        // its quotas go too: the limits it was given and the lock row its creates made
        assertEquals(0, count("select count(*) from quota where project_id = ?", doomed.project()));
        assertEquals(0, count("select count(*) from quota_lock where project_id = ?", doomed.project()));
        assertEquals(1, count("select count(*) from strato_outbox where type = 'strato.volume.volume.deleted.v1'"
                + " and subject = ?", v1));
        assertEquals(1, count("select count(*) from strato_outbox where type = 'strato.volume.snapshot.deleted.v1'"
                + " and subject = ?", snap));
        assertEquals(0, count("select count(*) from strato_outbox where type = 'strato.volume.volume.deleted.v1'"
                + " and subject = ?", other));
    }

    static Path dir() {
        return Path.of(ConfigProvider.getConfig().getValue("strato.volume.local.directory", String.class)).toAbsolutePath();
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
