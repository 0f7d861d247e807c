package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.Xml;
import io.strato.compute.protocol.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real guest boots through the agent's own spawn: kernel, ramdisk and disk images from the image server
 * stub, the domain XML the agent builds for {@code virt_type=qemu} (software emulation), defined and started
 * on a real libvirtd; the console-output command then shows the line the guest printed on its serial port.
 *
 * <p>Runs only where {@code STRATO_REAL_LIBVIRT} (or {@code -Dstrato.real.libvirt}) names a libvirt, e.g.
 * {@code qemu:///system}, and {@code STRATO_GUEST_ASSETS} a directory with {@code vmlinuz} and
 * {@code initramfs.gz} ({@code deploy/local/strato real-host} makes both); elsewhere it is reported skipped.
 * The initramfs prints {@code STRATO-GUEST-BOOTED marker=<strato.marker= of the kernel command line>}, so the
 * marker this test puts on the command line can only come from this boot.
 */
class RealBootTest {

    static final long BOOT_TIMEOUT_MS = 120_000;

    AgentFixture fx;
    final UUID id = UUID.randomUUID();

    @BeforeEach
    void hypervisor() {
        fx = AgentFixture.onRealHypervisor(
                "no real libvirt: set STRATO_REAL_LIBVIRT=qemu:///system and STRATO_GUEST_ASSETS to boot a guest");
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close(id);
        }
    }

    @Test
    void aKernelAndRamdiskImageBootsUnderQemuAndPrintsItsMarkerOnTheConsole() throws Exception {
        String assets = AgentFixture.setting("strato.guest.assets", "STRATO_GUEST_ASSETS");
        assertTrue(assets != null && !assets.isBlank(), "STRATO_GUEST_ASSETS is not set (deploy/local/strato real-host)");
        Path kernelFile = Path.of(assets, "vmlinuz");
        Path ramdiskFile = Path.of(assets, "initramfs.gz");
        assertTrue(Files.isRegularFile(kernelFile) && Files.isRegularFile(ramdiskFile),
                "no vmlinuz / initramfs.gz in " + assets);

        UUID kernel = fx.images.add(Files.readAllBytes(kernelFile), "aki");
        UUID ramdisk = fx.images.add(Files.readAllBytes(ramdiskFile), "ari");
        String marker = "agent-" + id;
        Commands.Image disk = fx.images.image(fx.image().id(), Map.of("kernel_id", kernel.toString(),
                "ramdisk_id", ramdisk.toString(), "os_command_line", "console=ttyS0 strato.marker=" + marker));
        Commands.Flavor tiny = AgentFixture.flavor("m1.tiny", 1, 256, 1, Map.of());

        SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
        long t0 = System.nanoTime();
        Outcome spawned = spawn.handle(fx.spawn(id, tiny, disk));
        assertTrue(spawned.success(), spawned.message());
        assertEquals(DomainPower.RUNNING, spawned.power(), spawned.message());

        Xml xml = Xml.parse(fx.libvirt.definition(id).orElseThrow());
        assertEquals("qemu", xml.text("/domain/@type"));
        assertEquals(fx.store.kernel(id).toString(), xml.text("/domain/os/kernel"));
        assertEquals(fx.store.ramdisk(id).toString(), xml.text("/domain/os/initrd"));
        assertEquals(fx.store.consoleLog(id).toString(), xml.text("/domain/devices/serial/source/@path"));

        ConsoleOutputHandler console = new ConsoleOutputHandler(fx.guests);
        String expected = "STRATO-GUEST-BOOTED marker=" + marker;
        String[] last = {""};
        try {
            await().atMost(Duration.ofMillis(BOOT_TIMEOUT_MS)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .pollInSameThread().until(() -> {
                        Outcome o = console.handle(new Commands.ConsoleOutput(UUID.randomUUID(), id, null));
                        assertTrue(o.success(), o.message());
                        last[0] = o.consoleOutput().orElse("");
                        return last[0].contains(expected);
                    });
        } catch (ConditionTimeoutException e) {
            fail("no '" + expected + "' on the console within " + BOOT_TIMEOUT_MS / 1000 + " s; it shows:\n"
                    + last[0].substring(Math.max(0, last[0].length() - 3000)));
        }
        String output = last[0];
        System.out.printf("real boot: '%s' on the console after %d ms%n",
                output.lines().filter(l -> l.contains(expected)).findFirst().orElseThrow().trim(),
                (System.nanoTime() - t0) / 1_000_000);

        Thread.sleep(2000);
        Outcome later = console.handle(new Commands.ConsoleOutput(UUID.randomUUID(), id, null));
        assertEquals(DomainPower.RUNNING, later.power(), "the guest idles after its marker instead of stopping");
        assertFalse(later.consoleOutput().orElse("").contains("Kernel panic"), later.consoleOutput().orElse(""));

        DeleteHandler delete = new DeleteHandler(fx.guests, fx.cache);
        assertTrue(delete.handle(new Commands.Delete(UUID.randomUUID(), id)).success());
        assertTrue(fx.libvirt.domain(id).isEmpty());
        assertFalse(Files.exists(fx.store.dir(id)));
    }
}
