package io.strato.volume.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What a stop left transient is settled at start: deletes resumed, creates and extends failed with the reason. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class VolumeRecoveryTest {
    @Inject
    VolumeRecovery recovery;

    @Test
    void interruptedWorkEndsInAStableStatus() throws Exception {
        String project = "p-" + UUID.randomUUID();
        UUID creating = UUID.randomUUID();
        UUID extending = UUID.randomUUID();
        UUID deleting = UUID.randomUUID();
        Path dir = Path.of(ConfigProvider.getConfig().getValue("strato.volume.local.directory", String.class)).toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("volume-" + deleting + ".qcow2");
        Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), "1G").start();
        assertEquals(0, p.waitFor());
        insert(creating, project, "creating", null, null);
        insert(extending, project, "extending", 5, dir.resolve("volume-" + extending + ".qcow2").toString());
        insert(deleting, project, "deleting", null, file.toString());

        recovery.settle(Instant.now());

        assertEquals("error", text("select status from volume where id = ?", creating));
        assertEquals(VolumeRecovery.INTERRUPTED, text("select status_reason from volume where id = ?", creating));
        assertEquals("error_extending", text("select status from volume where id = ?", extending));
        assertNull(text("select cast(extending_to as text) from volume where id = ?", extending));
        assertEquals("1", text("select cast(size as text) from volume where id = ?", extending), "the size stays the old one");
        Awaitility.await("the delete was resumed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertNull(text("select status from volume where id = ?", deleting)));
        assertFalse(Files.exists(file));
        assertTrue(Integer.parseInt(text("select cast(count(*) as text) from strato_outbox where subject = ?"
                + " and type = 'strato.volume.volume.deleted.v1'", deleting.toString())) == 1);
    }

    private static Connection db() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static void insert(UUID id, String project, String status, Integer extendingTo, String location) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("insert into volume (id, project_id, user_id,"
                + " size, extending_to, status, volume_type_id, availability_zone, backend, provider_location, created_at,"
                + " updated_at) values (?, ?, 'u', 1, ?, ?, (select id from volume_type where name = '__DEFAULT__'),"
                + " 'nova', 'local', ?, now() - interval '1 hour', now() - interval '1 hour')")) {
            ps.setObject(1, id);
            ps.setString(2, project);
            ps.setObject(3, extendingTo);
            ps.setString(4, status);
            ps.setString(5, location);
            ps.executeUpdate();
        }
    }

    private static String text(String sql, Object param) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
