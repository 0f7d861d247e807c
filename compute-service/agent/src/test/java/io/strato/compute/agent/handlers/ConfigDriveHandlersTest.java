package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.strato.compute.agent.configdrive.ConfigDriveWriter;
import io.strato.compute.agent.configdrive.Genisoimage;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.ListingIso;
import io.strato.compute.agent.testing.Xml;
import io.strato.compute.protocol.Commands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The config drive through the agent's handlers on libvirt's test driver: written into the instance directory,
 * attached read-only as an IDE cdrom (the machine is libvirt's default, {@code pc}), kept through every command that
 * redefines or restarts the domain, deleted with the instance; where genisoimage is installed, a real ISO 9660 image
 * labelled config-2 with the spawn's files.
 */
class ConfigDriveHandlersTest {

    static final String DRIVE = "/domain/devices/disk[@device='cdrom']";

    final AgentFixture fx = new AgentFixture();
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
    final UUID id = UUID.randomUUID();

    @AfterEach
    void close() {
        fx.close();
    }

    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] meta = "{\"uuid\": \"u\", \"hostname\": \"drive-box\"}".getBytes(StandardCharsets.UTF_8);
        byte[] userData = "#!/bin/sh\necho from-the-drive\n".getBytes(StandardCharsets.UTF_8);
        for (String v : List.of("2012-08-10", "latest")) {
            files.put("openstack/" + v + "/meta_data.json", meta);
            files.put("openstack/" + v + "/user_data", userData);
        }
        files.put("openstack/latest/network_data.json", "{\"links\": []}".getBytes(StandardCharsets.UTF_8));
        files.put("ec2/latest/meta-data.json", "{\"hostname\": \"drive-box\"}".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    Xml definition() {
        return Xml.parse(fx.libvirt.definition(id).orElseThrow());
    }

    void assertDriveAttached(String after) {
        Xml xml = definition();
        assertEquals(1, xml.count(DRIVE), after + ": one cdrom");
        assertEquals(fx.store.configDrive(id).toString(), xml.text(DRIVE + "/source/@file"), after);
        assertEquals("ide", xml.text(DRIVE + "/target/@bus"), after);
        assertEquals("hdd", xml.text(DRIVE + "/target/@dev"), after);
        assertEquals("raw", xml.text(DRIVE + "/driver/@type"), after);
        assertEquals(1, xml.count(DRIVE + "/readonly"), after + ": read-only");
        assertTrue(Files.isRegularFile(fx.store.configDrive(id)), after + ": the drive's file is there");
    }

    static void assertDone(Outcome o) {
        assertTrue(o.success(), o.message());
    }

    @Test
    void theDriveIsAttachedReadOnlyAndKeptThroughRebootStopStartAndResizeUntilTheDelete() {
        assertDone(spawn.handle(fx.spawnWithConfigDrive(id, files())));
        assertDriveAttached("spawn");
        assertTrue(fx.store.read(id).orElseThrow().configDrive(), "the record remembers the drive");

        assertDone(new RebootHandler(fx.guests).handle(new Commands.Reboot(UUID.randomUUID(), id, true)));
        assertDone(new StopHandler(fx.guests).handle(new Commands.Stop(UUID.randomUUID(), id)));
        assertDone(new StartHandler(fx.guests).handle(new Commands.Start(UUID.randomUUID(), id)));
        assertDriveAttached("reboot, stop and start");

        Commands.Flavor old = fx.store.read(id).orElseThrow().flavor();
        Commands.Flavor bigger = AgentFixture.flavor("m1.bigger", 2, 1024, 1, Map.of());
        assertDone(new ResizeHandler(fx.guests, fx.qemuImg).handle(new Commands.Resize(UUID.randomUUID(), id, old,
                bigger)));
        assertEquals("2", definition().text("/domain/vcpu"));
        assertDriveAttached("resize");
        assertDone(new RevertResizeHandler(fx.guests).handle(new Commands.RevertResize(UUID.randomUUID(), id, old)));
        assertDriveAttached("revert");
        assertDone(new ResizeHandler(fx.guests, fx.qemuImg).handle(new Commands.Resize(UUID.randomUUID(), id, old,
                bigger)));
        assertDone(new ConfirmResizeHandler(fx.guests).handle(new Commands.ConfirmResize(UUID.randomUUID(), id)));
        assertDriveAttached("confirmed resize");

        assertDone(new DeleteHandler(fx.guests, fx.cache).handle(new Commands.Delete(UUID.randomUUID(), id)));
        assertFalse(Files.exists(fx.store.configDrive(id)), "the drive goes with the instance");
        assertFalse(Files.exists(fx.store.dir(id)));
    }

    @Test
    void aSpawnWithoutADriveHasNoCdromAndNoFile() {
        assertDone(spawn.handle(fx.spawn(id)));
        assertEquals(0, definition().count(DRIVE));
        assertFalse(Files.exists(fx.store.configDrive(id)));
        assertFalse(fx.store.read(id).orElseThrow().configDrive());
    }

    @Test
    void aDriveThatCannotBeMadeFailsTheSpawnAndLeavesNothingBehind() {
        SpawnHandler broken = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg,
                new ConfigDriveWriter(fx.store, new Genisoimage("/nonexistent/genisoimage")));
        Outcome o = broken.handle(fx.spawnWithConfigDrive(id, files()));
        assertFalse(o.success());
        assertEquals(DomainPower.NOSTATE, o.power());
        assertTrue(o.message().contains("cannot run /nonexistent/genisoimage"), o.message());
        assertTrue(fx.libvirt.domains().isEmpty(), "no domain");
        assertFalse(Files.exists(fx.store.dir(id)), "no files");
    }

    @Test
    void aPathLeavingTheDriveIsRefused() {
        Outcome o = spawn.handle(fx.spawnWithConfigDrive(id, Map.of("../../escape", new byte[] {1})));
        assertFalse(o.success());
        assertTrue(o.message().contains("not a file inside the drive"), o.message());
        Path outside = fx.store.dir(id).resolveSibling("escape");
        assertFalse(Files.exists(outside));
        assertThrows(IllegalArgumentException.class, () -> new ConfigDriveWriter(fx.store, new ListingIso())
                .write(id, Commands.ConfigDrive.of(Map.of("/etc/passwd", new byte[] {1}))));
    }

    @Test
    void theDriveIsARealIso9660ImageLabelledConfig2WithTheSpawnsFiles() throws Exception {
        assumeTrue(ListingIso.genisoimageInstalled(), "genisoimage and isoinfo are not installed");
        SpawnHandler real = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg,
                new ConfigDriveWriter(fx.store, new Genisoimage("genisoimage")));
        Map<String, byte[]> files = files();
        assertDone(real.handle(fx.spawnWithConfigDrive(id, files)));
        Path iso = fx.store.configDrive(id);

        String volume = isoinfo("-d", "-i", iso.toString());
        assertTrue(volume.contains("Volume id: config-2"), volume);
        List<String> listed = isoinfo("-R", "-f", "-i", iso.toString()).lines().toList();
        for (String path : files.keySet()) {
            assertTrue(listed.contains("/" + path), "/" + path + " in " + listed);
            assertEquals(new String(files.get(path), StandardCharsets.UTF_8),
                    isoinfo("-R", "-x", "/" + path, "-i", iso.toString()), path);
        }
        assertFalse(Files.exists(iso.resolveSibling("config-drive.staging")), "the staged files are gone");
        assertDriveAttached("a real ISO");
    }

    static String isoinfo(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("isoinfo"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }
}
