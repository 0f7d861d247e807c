package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.Xml;
import io.strato.compute.protocol.Commands;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every handler against libvirt's test driver, each command also delivered twice (at-least-once delivery). */
class HandlersTest {

    final AgentFixture fx = new AgentFixture();
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
    final StopHandler stop = new StopHandler(fx.guests);
    final StartHandler start = new StartHandler(fx.guests);
    final RebootHandler reboot = new RebootHandler(fx.guests);
    final ResizeHandler resize = new ResizeHandler(fx.guests, fx.qemuImg);
    final ConfirmResizeHandler confirm = new ConfirmResizeHandler(fx.guests);
    final RevertResizeHandler revert = new RevertResizeHandler(fx.guests);
    final DeleteHandler delete = new DeleteHandler(fx.guests, fx.cache);
    final ConsoleOutputHandler console = new ConsoleOutputHandler(fx.guests);
    final UUID id = UUID.randomUUID();

    @AfterEach
    void close() {
        fx.close();
    }

    static void assertDone(Outcome o, DomainPower power) {
        assertTrue(o.success(), o.message());
        assertEquals(power, o.power(), o.message());
    }

    Xml definition() {
        return Xml.parse(fx.libvirt.definition(id).orElseThrow());
    }

    ExpectedPower expected() {
        return fx.store.read(id).orElseThrow().expected();
    }

    Outcome spawned() {
        Outcome o = spawn.handle(fx.spawn(id, AgentFixture.policyFlavor(), fx.image()));
        assertDone(o, DomainPower.RUNNING);
        return o;
    }

    @Test
    void spawnDefinesAndStartsTheDomainOnAThinOverlayOfTheCachedImage() throws Exception {
        spawned();
        assertEquals(DomainPower.RUNNING, fx.libvirt.domain(id).orElseThrow().power());
        assertEquals("2", definition().text("/domain/vcpu"));
        assertEquals("2048", definition().text("/domain/cputune/shares"));
        assertTrue(fx.cache.cached(fx.image().id()));
        Process info = new ProcessBuilder("qemu-img", "info", "--output=json", fx.store.disk(id).toString())
                .redirectErrorStream(true).start();
        String json = new String(info.getInputStream().readAllBytes());
        assertTrue(json.contains("\"backing-filename\": \"" + fx.cache.path(fx.image().id()) + "\""), json);
        assertTrue(json.contains("\"virtual-size\": 1073741824"), json); // the flavor's 1 GB root disk
        assertTrue(Files.size(fx.store.disk(id)) < 1024 * 1024, "thin overlay, not a copy");
        assertEquals(ExpectedPower.RUNNING, expected());
    }

    @Test
    void spawnTwiceIsOneDomainAndOneDownload() {
        Commands.Spawn command = fx.spawn(id, AgentFixture.policyFlavor(), fx.image());
        assertDone(spawn.handle(command), DomainPower.RUNNING);
        Outcome again = spawn.handle(command);
        assertDone(again, DomainPower.RUNNING);
        assertTrue(again.message().contains("exists already"), again.message());
        assertEquals(1, fx.libvirt.domains().size());
        assertEquals(1, fx.images.downloads());
    }

    @Test
    void spawnWithABadResourcePolicyFailsAndLeavesNothing() {
        Commands.Flavor bad = AgentFixture.flavor("bad", 1, 512, 1, Map.of("quota:cpu_shares", "many"));
        Outcome o = spawn.handle(fx.spawn(id, bad, fx.image()));
        assertFalse(o.success());
        assertEquals(DomainPower.NOSTATE, o.power());
        assertEquals("quota:cpu_shares=many is not an integer", o.message());
        assertTrue(fx.libvirt.domain(id).isEmpty());
        assertFalse(Files.exists(fx.store.dir(id)));
    }

    @Test
    void spawnOfAnImageWithAWrongChecksumFailsAndCachesNothing() {
        Commands.Image real = fx.image();
        Commands.Image wrong = new Commands.Image(real.id(), "0123456789abcdef0123456789abcdef", real.diskFormat(),
                real.containerFormat(), real.size(), Map.of());
        Outcome o = spawn.handle(fx.spawn(id, AgentFixture.policyFlavor(), wrong));
        assertFalse(o.success());
        assertTrue(o.message().contains("failed verification"), o.message());
        assertFalse(fx.cache.cached(real.id()));
        assertTrue(fx.libvirt.domains().isEmpty());
        assertFalse(Files.exists(fx.store.dir(id)));
    }

    @Test
    void spawnRefusesAFlavorDiskSmallerThanTheImage() {
        UUID big = fx.images.add(io.strato.compute.agent.testing.ImageServerStub.qcow2(fx.dir.resolve("s"), "3G"),
                "qcow2");
        Outcome o = spawn.handle(fx.spawn(id, AgentFixture.flavor("m1.tiny", 1, 512, 1, Map.of()),
                fx.images.image(big, Map.of())));
        assertFalse(o.success());
        assertTrue(o.message().startsWith("Flavor's disk is too small for requested image."), o.message());
    }

    @Test
    void spawnWithKernelAndRamdiskBootsThemDirectly() throws Exception {
        UUID kernel = fx.images.add("kernel-bytes".getBytes(), "aki");
        UUID ramdisk = fx.images.add("ramdisk-bytes".getBytes(), "ari");
        Commands.Image disk = fx.images.image(fx.image().id(), Map.of("kernel_id", kernel.toString(),
                "ramdisk_id", ramdisk.toString(), "os_command_line", "console=ttyS0 quiet"));
        assertDone(spawn.handle(fx.spawn(id, AgentFixture.policyFlavor(), disk)), DomainPower.RUNNING);
        assertEquals(fx.store.kernel(id).toString(), definition().text("/domain/os/kernel"));
        assertEquals(fx.store.ramdisk(id).toString(), definition().text("/domain/os/initrd"));
        assertEquals("console=ttyS0 quiet", definition().text("/domain/os/cmdline"));
        assertEquals("kernel-bytes", Files.readString(fx.store.kernel(id)));
    }

    @Test
    void stopShutsTheDomainOffTwice() {
        spawned();
        var command = new Commands.Stop(UUID.randomUUID(), id);
        assertDone(stop.handle(command), DomainPower.SHUTOFF);
        assertDone(stop.handle(command), DomainPower.SHUTOFF);
        assertEquals(DomainPower.SHUTOFF, fx.libvirt.domain(id).orElseThrow().power());
        assertEquals(ExpectedPower.SHUTOFF, expected());
    }

    @Test
    void startRunsAStoppedDomainTwice() {
        spawned();
        stop.handle(new Commands.Stop(UUID.randomUUID(), id));
        var command = new Commands.Start(UUID.randomUUID(), id);
        assertDone(start.handle(command), DomainPower.RUNNING);
        assertDone(start.handle(command), DomainPower.RUNNING);
        assertEquals(ExpectedPower.RUNNING, expected());
    }

    @Test
    void stopAndStartOfAMissingDomainFail() {
        Outcome o = stop.handle(new Commands.Stop(UUID.randomUUID(), id));
        assertFalse(o.success());
        assertEquals(DomainPower.NOSTATE, o.power());
        assertFalse(start.handle(new Commands.Start(UUID.randomUUID(), id)).success());
        assertFalse(reboot.handle(new Commands.Reboot(UUID.randomUUID(), id, true)).success());
    }

    @Test
    void softAndHardRebootLeaveItRunning() {
        spawned();
        assertDone(reboot.handle(new Commands.Reboot(UUID.randomUUID(), id, false)), DomainPower.RUNNING);
        assertDone(reboot.handle(new Commands.Reboot(UUID.randomUUID(), id, true)), DomainPower.RUNNING);
        stop.handle(new Commands.Stop(UUID.randomUUID(), id));
        assertDone(reboot.handle(new Commands.Reboot(UUID.randomUUID(), id, true)), DomainPower.RUNNING);
        assertEquals(ExpectedPower.RUNNING, expected());
    }

    @Test
    void resizeRedefinesWithTheNewFlavorAndConfirmDropsTheOldOne() throws Exception {
        spawned();
        Commands.Flavor old = AgentFixture.policyFlavor();
        Commands.Flavor bigger = AgentFixture.flavor("m1.large", 4, 8192, 2, Map.of("quota:cpu_shares", "4096"));
        var command = new Commands.Resize(UUID.randomUUID(), id, old, bigger);
        assertDone(resize.handle(command), DomainPower.RUNNING);
        assertEquals("4", definition().text("/domain/vcpu"));
        assertEquals(String.valueOf(8192 * 1024), definition().text("/domain/memory"));
        assertEquals("4096", definition().text("/domain/cputune/shares"));
        assertEquals(0, definition().count("/domain/memtune"));
        assertEquals(2L << 30, fx.qemuImg.virtualSize(fx.store.disk(id), "qcow2"));
        assertTrue(Files.exists(fx.store.definitionBeforeResize(id)));

        Outcome again = resize.handle(command);
        assertDone(again, DomainPower.RUNNING);
        assertTrue(again.message().contains("resized already"), again.message());

        var confirmCommand = new Commands.ConfirmResize(UUID.randomUUID(), id);
        assertDone(confirm.handle(confirmCommand), DomainPower.RUNNING);
        assertDone(confirm.handle(confirmCommand), DomainPower.RUNNING);
        assertFalse(Files.exists(fx.store.definitionBeforeResize(id)));
        assertFalse(Files.exists(fx.store.diskBeforeResize(id)));
        assertEquals(bigger, fx.store.read(id).orElseThrow().flavor());
        assertEquals("4", definition().text("/domain/vcpu"));

        Outcome late = resize.handle(command); // redelivered after the confirm: nothing to redo, nothing kept
        assertDone(late, DomainPower.RUNNING);
        assertTrue(late.message().contains("has this flavor already"), late.message());
        assertFalse(Files.exists(fx.store.definitionBeforeResize(id)));
    }

    @Test
    void revertPutsTheOldDomainAndDiskBackTwice() {
        spawned();
        Commands.Flavor old = AgentFixture.policyFlavor();
        Commands.Flavor bigger = AgentFixture.flavor("m1.large", 4, 8192, 2, Map.of());
        assertDone(resize.handle(new Commands.Resize(UUID.randomUUID(), id, old, bigger)), DomainPower.RUNNING);
        var command = new Commands.RevertResize(UUID.randomUUID(), id, old);
        assertDone(revert.handle(command), DomainPower.RUNNING);
        assertEquals("2", definition().text("/domain/vcpu"));
        assertEquals(String.valueOf(2048 * 1024), definition().text("/domain/memory"));
        assertEquals("2048", definition().text("/domain/cputune/shares"));
        assertEquals(1L << 30, fx.qemuImg.virtualSize(fx.store.disk(id), "qcow2"));
        Outcome again = revert.handle(command);
        assertDone(again, DomainPower.RUNNING);
        assertTrue(again.message().contains("reverted already"), again.message());
        assertEquals(old, fx.store.read(id).orElseThrow().flavor());
    }

    @Test
    void resizeOfAStoppedServerKeepsItStoppedAndRevertToo() {
        spawned();
        stop.handle(new Commands.Stop(UUID.randomUUID(), id));
        Commands.Flavor old = AgentFixture.policyFlavor();
        Commands.Flavor bigger = AgentFixture.flavor("m1.large", 4, 8192, 1, Map.of());
        assertDone(resize.handle(new Commands.Resize(UUID.randomUUID(), id, old, bigger)), DomainPower.SHUTOFF);
        assertEquals("4", definition().text("/domain/vcpu"));
        assertDone(revert.handle(new Commands.RevertResize(UUID.randomUUID(), id, old)), DomainPower.SHUTOFF);
        assertEquals("2", definition().text("/domain/vcpu"));
        assertEquals(ExpectedPower.SHUTOFF, expected());
    }

    @Test
    void resizeToABadPolicyFailsAndLeavesTheServerAsItWas() {
        spawned();
        Commands.Flavor bad = AgentFixture.flavor("bad", 4, 8192, 1, Map.of("quota:cpu_period", "1"));
        Outcome o = resize.handle(new Commands.Resize(UUID.randomUUID(), id, AgentFixture.policyFlavor(), bad));
        assertFalse(o.success());
        assertEquals("2", definition().text("/domain/vcpu"));
        assertEquals(DomainPower.RUNNING, fx.libvirt.domain(id).orElseThrow().power());
    }

    @Test
    void deleteRemovesDomainAndFilesAndSucceedsWhenGone() {
        spawned();
        var command = new Commands.Delete(UUID.randomUUID(), id);
        assertDone(delete.handle(command), DomainPower.NOSTATE);
        assertTrue(fx.libvirt.domain(id).isEmpty());
        assertFalse(Files.exists(fx.store.dir(id)));
        Outcome again = delete.handle(command);
        assertDone(again, DomainPower.NOSTATE);
        assertTrue(again.message().contains("nothing to delete"), again.message());
    }

    @Test
    void deleteEvictsACachedImageThatWasDeletedMeanwhile() {
        spawned();
        UUID image = fx.image().id();
        assertFalse(fx.cache.evict(image, fx.store.imagesInUse()), "in use: kept");
        assertTrue(fx.cache.cached(image));
        delete.handle(new Commands.Delete(UUID.randomUUID(), id));
        assertFalse(fx.cache.cached(image));
    }

    @Test
    void consoleOutputReturnsTheLogTailOrSaysWhyItIsEmpty() throws Exception {
        spawned();
        Outcome empty = console.handle(new Commands.ConsoleOutput(UUID.randomUUID(), id, null));
        assertDone(empty, DomainPower.RUNNING);
        assertEquals("", empty.consoleOutput().orElseThrow());
        assertTrue(empty.message().contains("test driver"), empty.message());

        Files.writeString(fx.store.consoleLog(id), "boot\nline 2\nSTRATO-MARKER\n");
        Outcome all = console.handle(new Commands.ConsoleOutput(UUID.randomUUID(), id, null));
        assertEquals("boot\nline 2\nSTRATO-MARKER\n", all.consoleOutput().orElseThrow());
        Outcome last = console.handle(new Commands.ConsoleOutput(UUID.randomUUID(), id, 2));
        assertEquals("line 2\nSTRATO-MARKER\n", last.consoleOutput().orElseThrow());
        assertFalse(console.handle(new Commands.ConsoleOutput(UUID.randomUUID(), UUID.randomUUID(), 5)).success());
    }
}
