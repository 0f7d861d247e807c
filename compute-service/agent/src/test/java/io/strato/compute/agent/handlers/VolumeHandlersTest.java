package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.host.SimulatedHostRestore;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.Xml;
import io.strato.compute.protocol.Commands;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * attach_volume and detach_volume against libvirt's test driver (which has no hot-plug, so the handlers
 * redefine the persistent definition), each delivered twice, and the redefinitions that must keep a volume.
 */
class VolumeHandlersTest {

    final AgentFixture fx = new AgentFixture();
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
    final StopHandler stop = new StopHandler(fx.guests);
    final RebootHandler reboot = new RebootHandler(fx.guests);
    final ResizeHandler resize = new ResizeHandler(fx.guests, fx.qemuImg);
    final RevertResizeHandler revert = new RevertResizeHandler(fx.guests);
    final AttachVolumeHandler attach = new AttachVolumeHandler(fx.guests);
    final DetachVolumeHandler detach = new DetachVolumeHandler(fx.guests);
    final UUID id = UUID.randomUUID();
    final UUID volume = UUID.randomUUID();
    final Path volumeFile = fx.dir.resolve("volumes/volume-" + volume);

    @AfterEach
    void close() {
        fx.close();
    }

    void spawned() {
        Outcome o = spawn.handle(fx.spawn(id, AgentFixture.policyFlavor(), fx.image()));
        assertTrue(o.success(), o.message());
    }

    Commands.AttachVolume attachCommand(UUID vol, String device) {
        return new Commands.AttachVolume(UUID.randomUUID(), id, vol, device, volumeFile.toString(), "qcow2",
                Map.of("read_iops_sec", 3000L, "write_iops_sec", 1500L, "total_bytes_sec", 104857600L));
    }

    Xml definition() {
        return Xml.parse(fx.libvirt.definition(id).orElseThrow());
    }

    String disk(UUID vol) {
        return "/domain/devices/disk[serial='" + vol + "']";
    }

    void assertVolumeDisk(Xml xml) {
        assertEquals(1, xml.count(disk(volume)), "one disk with the volume's serial");
        assertEquals(volumeFile.toString(), xml.text(disk(volume) + "/source/@file"));
        assertEquals("vdb", xml.text(disk(volume) + "/target/@dev"));
        assertEquals("virtio", xml.text(disk(volume) + "/target/@bus"));
        assertEquals("qcow2", xml.text(disk(volume) + "/driver/@type"));
        assertEquals("3000", xml.text(disk(volume) + "/iotune/read_iops_sec"));
        assertEquals("1500", xml.text(disk(volume) + "/iotune/write_iops_sec"));
        assertEquals("104857600", xml.text(disk(volume) + "/iotune/total_bytes_sec"));
        assertEquals(0, xml.count(disk(volume) + "/iotune/total_iops_sec"));
        assertEquals("vda", xml.text("/domain/devices/disk[1]/target/@dev"), "the root disk stays first");
    }

    @Test
    void attachPutsTheDiskIntoThePersistentDefinitionTwice() {
        spawned();
        var command = attachCommand(volume, "vdb");
        Outcome first = attach.handle(command);
        assertTrue(first.success(), first.message());
        assertEquals(DomainPower.RUNNING, first.power());
        assertTrue(first.message().contains("cannot hot-plug"), first.message());
        assertVolumeDisk(definition());
        assertVolumeDisk(Xml.parse(fx.store.readText(fx.store.definition(id)).orElseThrow()));

        Outcome again = attach.handle(command);
        assertTrue(again.success(), again.message());
        assertVolumeDisk(definition());
        assertEquals(1, fx.store.read(id).orElseThrow().volumes().size());
        assertEquals(DomainPower.RUNNING, fx.libvirt.domain(id).orElseThrow().power());
    }

    @Test
    void attachToAStoppedServerKeepsItStopped() {
        spawned();
        stop.handle(new Commands.Stop(UUID.randomUUID(), id));
        Outcome o = attach.handle(attachCommand(volume, "vdb"));
        assertTrue(o.success(), o.message());
        assertEquals(DomainPower.SHUTOFF, o.power());
        assertVolumeDisk(definition());
    }

    @Test
    void detachRemovesTheDiskTwice() {
        spawned();
        UUID other = UUID.randomUUID();
        attach.handle(attachCommand(volume, "vdb"));
        assertTrue(attach.handle(attachCommand(other, "vdc")).success());
        var command = new Commands.DetachVolume(UUID.randomUUID(), id, volume, "vdb");
        Outcome first = detach.handle(command);
        assertTrue(first.success(), first.message());
        assertEquals(0, definition().count(disk(volume)));
        assertEquals(1, definition().count(disk(other)), "the other volume stays");
        Outcome again = detach.handle(command);
        assertTrue(again.success(), again.message());
        assertTrue(again.message().contains("not attached"), again.message());
        assertEquals(0, definition().count(disk(volume)));
        assertEquals(0, Xml.parse(fx.store.readText(fx.store.definition(id)).orElseThrow()).count(disk(volume)));
        assertEquals(1, fx.store.read(id).orElseThrow().volumes().size());
        assertEquals(other, fx.store.read(id).orElseThrow().volumes().get(0).volumeId());
    }

    @Test
    void resizeRevertAndHardRebootKeepAnAttachedVolume() {
        spawned();
        attach.handle(attachCommand(volume, "vdb"));
        Commands.Flavor old = AgentFixture.policyFlavor();
        Commands.Flavor bigger = AgentFixture.flavor("m1.large", 4, 8192, 1, Map.of());
        Outcome resized = resize.handle(new Commands.Resize(UUID.randomUUID(), id, old, bigger));
        assertTrue(resized.success(), resized.message());
        assertEquals("4", definition().text("/domain/vcpu"));
        assertVolumeDisk(definition());
        assertTrue(revert.handle(new Commands.RevertResize(UUID.randomUUID(), id, old)).success());
        assertEquals("2", definition().text("/domain/vcpu"));
        assertVolumeDisk(definition());
        assertTrue(reboot.handle(new Commands.Reboot(UUID.randomUUID(), id, true)).success());
        assertVolumeDisk(definition());
    }

    @Test
    void aRestartedSimulatedHostDefinesTheVolumeAgain() {
        spawned();
        attach.handle(attachCommand(volume, "vdb"));
        try (LibvirtHost fresh = new LibvirtHost(fx.libvirt.uri(), true)) {
            assertTrue(fresh.domain(id).isEmpty(), "a new test-driver connection starts from the host XML");
            assertEquals(1, SimulatedHostRestore.restore(fresh, fx.store));
            assertVolumeDisk(Xml.parse(fresh.definition(id).orElseThrow()));
        }
    }

    @Test
    void attachRefusesATakenDeviceUnknownLimitsAndAMissingDomain() {
        spawned();
        assertTrue(attach.handle(attachCommand(volume, "vdb")).success());
        UUID other = UUID.randomUUID();
        Outcome taken = attach.handle(attachCommand(other, "vdb"));
        assertFalse(taken.success());
        assertTrue(taken.message().contains("in use by volume " + volume), taken.message());
        Outcome badLimit = attach.handle(new Commands.AttachVolume(UUID.randomUUID(), id, other, "vdc",
                volumeFile.toString(), "raw", Map.of("read_iops", 5L)));
        assertFalse(badLimit.success());
        assertTrue(badLimit.message().contains("'read_iops' is not a libvirt iotune limit"), badLimit.message());
        assertEquals(0, definition().count(disk(other)));
        Outcome missing = attach.handle(new Commands.AttachVolume(UUID.randomUUID(), UUID.randomUUID(), other, "vdb",
                volumeFile.toString(), "raw", Map.of()));
        assertFalse(missing.success());
        assertTrue(missing.message().contains("has no domain"), missing.message());
    }
}
