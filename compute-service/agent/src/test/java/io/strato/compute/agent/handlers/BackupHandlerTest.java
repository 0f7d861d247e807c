package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.protocol.Commands;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backup command: a snapshot, then Nova's rotation of the server's backups of that type and owner. */
class BackupHandlerTest {

    final AgentFixture fx = new AgentFixture();
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
    final SnapshotHandler snapshots = new SnapshotHandler(fx.guests, fx.qemuImg, fx.imageClient, Duration.ofMinutes(2));
    final BackupHandler backup = new BackupHandler(fx.guests, snapshots, fx.imageClient);
    final UUID id = UUID.randomUUID();

    @AfterEach
    void close() {
        fx.close();
    }

    private UUID backupImage(String type) {
        return fx.images.addQueued("project-1", Map.of("image_type", "backup", "backup_type", type,
                "instance_uuid", id.toString()));
    }

    private Outcome take(UUID image, String type, int rotation) {
        return backup.handle(new Commands.Backup(UUID.randomUUID(), id, image, "bare", type, rotation));
    }

    private boolean gone(UUID image) {
        return fx.images.queued(image).deleted;
    }

    @Test
    void theOldestBackupsBeyondTheRotationAreDeletedAndNoOtherImage() {
        HandlersTest.assertDone(spawn.handle(fx.spawn(id)), DomainPower.RUNNING);
        UUID weekly = backupImage("weekly");
        UUID otherOwners = fx.images.addQueued("project-2", Map.of("image_type", "backup", "backup_type", "daily",
                "instance_uuid", id.toString()));
        UUID otherServers = fx.images.addQueued("project-1", Map.of("image_type", "backup", "backup_type", "daily",
                "instance_uuid", UUID.randomUUID().toString()));

        UUID first = backupImage("daily");
        HandlersTest.assertDone(take(first, "daily", 2), DomainPower.RUNNING);
        UUID second = backupImage("daily");
        HandlersTest.assertDone(take(second, "daily", 2), DomainPower.RUNNING);
        assertFalse(gone(first) || gone(second));
        UUID third = backupImage("daily");
        Outcome o = take(third, "daily", 2);
        HandlersTest.assertDone(o, DomainPower.RUNNING);
        assertTrue(o.message().contains("1 older backup(s) deleted"), o.message());
        assertTrue(gone(first), "the oldest daily backup outlived the rotation");
        assertFalse(gone(second) || gone(third));
        assertNotNull(fx.images.queued(third).data);
        assertFalse(gone(weekly) || gone(otherOwners) || gone(otherServers), "the rotation deleted another image");
    }

    @Test
    void rotationZeroDeletesTheNewBackupTooAndAFailedSnapshotRotatesNothing() {
        HandlersTest.assertDone(spawn.handle(fx.spawn(id)), DomainPower.RUNNING);
        UUID kept = backupImage("daily");
        HandlersTest.assertDone(take(kept, "daily", 5), DomainPower.RUNNING);

        UUID failing = backupImage("daily");
        fx.images.refuseUploads(500);
        assertFalse(take(failing, "daily", 0).success());
        assertTrue(gone(failing), "a failed backup's image is deleted like a snapshot's");
        assertFalse(gone(kept), "a failed backup rotated");
        fx.images.refuseUploads(0);

        UUID zero = backupImage("daily");
        HandlersTest.assertDone(take(zero, "daily", 0), DomainPower.RUNNING);
        assertTrue(gone(zero) && gone(kept), "rotation 0 keeps no backup");
    }
}
