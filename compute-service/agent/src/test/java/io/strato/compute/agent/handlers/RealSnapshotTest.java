package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.ImageServerStub;
import io.strato.compute.protocol.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of a guest a real QEMU runs (spawned by the agent's own spawn on a real libvirt, {@code virt_type=qemu}):
 * QEMU holds the disk open with its write lock, so a plain {@code qemu-img convert} of it fails; the handler pauses
 * the guest (QEMU drains and flushes the disk), reads it with {@code -U} and resumes it. The guest needs no OS: the
 * firmware finds nothing to boot and keeps QEMU running, which is all the lock needs.
 *
 * <p>Runs only where {@code STRATO_REAL_LIBVIRT} (or {@code -Dstrato.real.libvirt}) names a libvirt, e.g.
 * {@code qemu:///system}; elsewhere it is reported skipped.
 */
class RealSnapshotTest {

    AgentFixture fx;
    final UUID id = UUID.randomUUID();

    @BeforeEach
    void hypervisor() {
        fx = AgentFixture.onRealHypervisor("no real libvirt: set STRATO_REAL_LIBVIRT=qemu:///system");
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close(id);
        }
    }

    @Test
    void aRunningQemuGuestIsPausedForTheCopyAndRunsAgainAfterIt() throws Exception {
        Path base = fx.dir.resolve("patterned-base.qcow2");
        SnapshotHandlerTest.qemu("qemu-img", "create", "-q", "-f", "qcow2", base.toString(), "64M");
        SnapshotHandlerTest.qemu("qemu-io", "-f", "qcow2", "-c", "write -P 0x11 0 64k", base.toString());
        Commands.Image image = fx.images.image(fx.images.add(Files.readAllBytes(base), "qcow2"), Map.of());
        SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
        HandlersTest.assertDone(spawn.handle(fx.spawn(id, AgentFixture.flavor("m1.tiny", 1, 128, 1, Map.of()), image)),
                DomainPower.RUNNING);

        Path probe = fx.dir.resolve("probe.qcow2");
        Process plain = new ProcessBuilder("qemu-img", "convert", "-f", "qcow2", "-O", "qcow2",
                fx.store.disk(id).toString(), probe.toString()).redirectErrorStream(true).start();
        String said = new String(plain.getInputStream().readAllBytes());
        assertTrue(plain.waitFor() != 0 && said.contains("lock"), "QEMU holds no lock on the disk: " + said);

        SnapshotHandler snapshot = new SnapshotHandler(fx.guests, fx.qemuImg, fx.imageClient, Duration.ofMinutes(2));
        UUID imageId = fx.images.addQueued();
        long t0 = System.nanoTime();
        Outcome o = snapshot.handle(new Commands.Snapshot(UUID.randomUUID(), id, imageId, "bare"));
        HandlersTest.assertDone(o, DomainPower.RUNNING);
        assertEquals(DomainPower.RUNNING, fx.libvirt.domain(id).orElseThrow().power());
        ImageServerStub.Queued q = fx.images.queued(imageId);
        assertFalse(q.deleted);
        Path uploaded = fx.dir.resolve("uploaded.qcow2");
        Files.write(uploaded, q.data);
        String info = SnapshotHandlerTest.qemu("qemu-img", "info", uploaded.toString());
        assertFalse(info.contains("backing file"), info);
        SnapshotHandlerTest.qemu("qemu-io", "-f", "qcow2", "-r", "-c", "read -P 0x11 0 64k", uploaded.toString());
        System.out.printf("real snapshot: %d bytes of a running QEMU guest in %d ms (%s)%n", q.data.length,
                (System.nanoTime() - t0) / 1_000_000, o.message());
    }
}
