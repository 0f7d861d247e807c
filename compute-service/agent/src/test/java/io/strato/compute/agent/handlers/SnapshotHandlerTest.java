package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.ImageServerStub;
import io.strato.compute.protocol.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot command against libvirt's test driver, real qcow2 files and qemu-img: the base image and the guest's
 * overlay each hold a pattern, and the uploaded image must be one qcow2 file without a backing file holding both.
 */
class SnapshotHandlerTest {

    final AgentFixture fx = new AgentFixture();
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
    final PauseHandler pause = new PauseHandler(fx.guests);
    final StopHandler stop = new StopHandler(fx.guests);
    final SnapshotHandler snapshot = new SnapshotHandler(fx.guests, fx.qemuImg, fx.imageClient, Duration.ofMinutes(2));
    final UUID id = UUID.randomUUID();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Spawns the guest on a base image whose first 64 KiB are 0x11, then writes 0xab at 1 MiB into its own disk. */
    private void spawnedWithData() throws Exception {
        Path base = fx.dir.resolve("patterned-base.qcow2");
        qemu("qemu-img", "create", "-q", "-f", "qcow2", base.toString(), "64M");
        qemu("qemu-io", "-f", "qcow2", "-c", "write -P 0x11 0 64k", base.toString());
        UUID baseId = fx.images.add(Files.readAllBytes(base), "qcow2");
        Commands.Image image = fx.images.image(baseId, Map.of());
        HandlersTest.assertDone(spawn.handle(fx.spawn(id, AgentFixture.flavor("m1.tiny", 1, 512, 1, Map.of()), image)),
                DomainPower.RUNNING);
        // the test driver runs no QEMU, so nothing else has the overlay open: the "guest" writes with qemu-io
        qemu("qemu-io", "-f", "qcow2", "-c", "write -P 0xab 1M 64k", fx.store.disk(id).toString());
    }

    private Outcome take(UUID imageId, String containerFormat) {
        return snapshot.handle(new Commands.Snapshot(UUID.randomUUID(), id, imageId, containerFormat));
    }

    /** The uploaded bytes as a file, checked to be a standalone qcow2 of the flavor's size with both patterns. */
    private void assertStandaloneCopyOfTheDisk(ImageServerStub.Queued q) throws Exception {
        assertNotNull(q.data, "nothing was uploaded");
        assertEquals(String.valueOf(q.data.length), q.uploadContentLength, "the upload announces its length");
        Path uploaded = fx.dir.resolve("uploaded-" + UUID.randomUUID() + ".qcow2");
        Files.write(uploaded, q.data);
        JsonNode info = new ObjectMapper().readTree(qemu("qemu-img", "info", "--output=json", uploaded.toString()));
        assertEquals("qcow2", info.path("format").asText());
        assertTrue(info.path("backing-filename").isMissingNode(), "the snapshot has a backing file: " + info);
        assertEquals(1L << 30, info.path("virtual-size").asLong(), "the guest's disk is the flavor's 1 GiB");
        qemu("qemu-io", "-f", "qcow2", "-r", "-c", "read -P 0x11 0 64k", uploaded.toString());
        qemu("qemu-io", "-f", "qcow2", "-r", "-c", "read -P 0xab 1M 64k", uploaded.toString());
        qemu("qemu-img", "compare", "-f", "qcow2", "-F", "qcow2", fx.store.disk(id).toString(), uploaded.toString());
        assertNoCopyLeft();
    }

    private void assertNoCopyLeft() throws IOException {
        try (Stream<Path> files = Files.list(fx.store.dir(id))) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot-")).toList();
            assertEquals(List.of(), left, "the snapshot's copy stayed on the host");
        }
    }

    @Test
    void aRunningGuestsDiskIsUploadedAsOneStandaloneQcow2AndTheGuestRunsOn() throws Exception {
        spawnedWithData();
        UUID imageId = fx.images.addQueued();
        Outcome o = take(imageId, "bare");
        HandlersTest.assertDone(o, DomainPower.RUNNING);
        assertTrue(o.message().contains(imageId.toString()), o.message());
        assertEquals(DomainPower.RUNNING, fx.libvirt.domain(id).orElseThrow().power(), "the guest was paused and not resumed");
        ImageServerStub.Queued q = fx.images.queued(imageId);
        assertEquals("qcow2", q.diskFormat);
        assertEquals("bare", q.containerFormat);
        assertFalse(q.deleted);
        assertStandaloneCopyOfTheDisk(q);

        // delivered again (at-least-once): the image holds the snapshot, nothing is copied, uploaded or deleted
        byte[] uploaded = q.data;
        Commands.Snapshot again = new Commands.Snapshot(UUID.randomUUID(), id, imageId, "bare");
        HandlersTest.assertDone(snapshot.handle(again), DomainPower.RUNNING);
        assertTrue(uploaded == q.data && !q.deleted);
    }

    @Test
    void aPausedGuestStaysPausedAndAStoppedOneIsCopiedAsItIs() throws Exception {
        spawnedWithData();
        HandlersTest.assertDone(pause.handle(new Commands.Pause(UUID.randomUUID(), id)), DomainPower.PAUSED);
        UUID whilePaused = fx.images.addQueued();
        HandlersTest.assertDone(take(whilePaused, null), DomainPower.PAUSED);
        assertEquals(DomainPower.PAUSED, fx.libvirt.domain(id).orElseThrow().power());
        assertEquals("bare", fx.images.queued(whilePaused).containerFormat, "no container format given: bare");
        assertStandaloneCopyOfTheDisk(fx.images.queued(whilePaused));

        HandlersTest.assertDone(stop.handle(new Commands.Stop(UUID.randomUUID(), id)), DomainPower.SHUTOFF);
        UUID whileStopped = fx.images.addQueued();
        HandlersTest.assertDone(take(whileStopped, "ovf"), DomainPower.SHUTOFF);
        assertEquals(DomainPower.SHUTOFF, fx.libvirt.domain(id).orElseThrow().power());
        assertEquals("ovf", fx.images.queued(whileStopped).containerFormat);
        assertStandaloneCopyOfTheDisk(fx.images.queued(whileStopped));
    }

    @Test
    void aRefusedUploadDeletesTheImageAndTheGuestRunsOn() throws Exception {
        spawnedWithData();
        UUID imageId = fx.images.addQueued();
        fx.images.refuseUploads(413);
        Outcome o = take(imageId, "bare");
        assertFalse(o.success());
        assertEquals(DomainPower.RUNNING, o.power());
        assertTrue(o.message().contains("413") && o.message().contains("upload refused by the stub"), o.message());
        assertTrue(fx.images.queued(imageId).deleted, "the failed snapshot's image was not deleted");
        assertEquals(DomainPower.RUNNING, fx.libvirt.domain(id).orElseThrow().power());
        assertNoCopyLeft();
    }

    @Test
    void anImageDeletedWhileTheSnapshotRunsFailsIt() throws Exception {
        spawnedWithData();
        UUID imageId = fx.images.addQueued();
        assertTrue(fx.imageClient.delete(imageId)); // the user deleted the image before the host got to it
        assertFalse(fx.imageClient.delete(imageId));
        Outcome o = take(imageId, "bare");
        assertFalse(o.success());
        assertTrue(o.message().contains("was not found"), o.message());
        assertEquals(DomainPower.RUNNING, fx.libvirt.domain(id).orElseThrow().power());
        assertNull(fx.images.queued(imageId).data);
        assertNoCopyLeft();
    }

    @Test
    void aServerWithoutADomainHereFailsAndItsImageIsDeleted() {
        UUID imageId = fx.images.addQueued();
        Outcome o = take(imageId, "bare");
        assertFalse(o.success());
        assertEquals(DomainPower.NOSTATE, o.power());
        assertTrue(fx.images.queued(imageId).deleted);
    }

    @Test
    void theDiskFormatIsQcow2ButAmiStaysAmi() {
        Commands.Image ami = new Commands.Image(UUID.randomUUID(), null, "ami", "ami", 1L, Map.of());
        Commands.Image raw = new Commands.Image(UUID.randomUUID(), null, "raw", "bare", 1L, Map.of());
        assertEquals("ami", SnapshotHandler.diskFormat(record(ami)));
        assertEquals("qcow2", SnapshotHandler.diskFormat(record(raw)));
    }

    private io.strato.compute.agent.instances.InstanceRecord record(Commands.Image image) {
        return new io.strato.compute.agent.instances.InstanceRecord(id, "n", "p", "u",
                AgentFixture.flavor("m1.tiny", 1, 512, 1, Map.of()), image, List.of(), false, null,
                io.strato.compute.agent.instances.ExpectedPower.RUNNING, null, java.time.Instant.now(), List.of(), false);
    }

    /** Runs a qemu tool; its output, or an assertion failure with it. */
    static String qemu(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        assertEquals(0, rc, String.join(" ", command) + " failed: " + out);
        assertFalse(out.contains("Pattern verification failed"), out);
        return out;
    }
}
