package io.strato.volume.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.testing.SmallTmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local backend on a file system that is really full (a 2 MiB tmpfs and a filler file): each operation fails with
 * {@link StorageFull} and leaves no new file; a volume that was there keeps its data and size. No database.
 */
class LocalDriverFullDiskTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path elsewhere;
    private Path dir;
    private boolean mounted;
    private LocalDriver driver;

    @BeforeEach
    void mountATmpfs() throws IOException {
        dir = Files.createTempDirectory("strato-local-driver-tmpfs-");
        String refused = SmallTmpfs.mount(dir);
        mounted = refused == null;
        Assumptions.assumeTrue(mounted, refused);
        driver = new LocalDriver(localIn(dir));
    }

    @AfterEach
    void unmount() {
        SmallTmpfs.unmount(dir, mounted);
    }

    @Test
    void aBlankVolumeOnAFullDiskIsStorageFullAndLeavesNoFile() throws IOException {
        fillLeaving(0);
        UUID id = UUID.randomUUID();
        StorageFull e = assertThrows(StorageFull.class, () -> driver.create(id, 1));
        assertTrue(e.getMessage().startsWith(StorageFull.REASON + "qemu-img create failed"), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(List.of("filler"), files());
    }

    @Test
    void aSnapshotOnAFullDiskLeavesTheVolumeAsItWas() throws IOException {
        String volume = driver.create(UUID.randomUUID(), 1);
        LocalDriver.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 64k", volume);
        fillLeaving(0);
        assertThrows(StorageFull.class, () -> driver.createSnapshot(volume, UUID.randomUUID()));
        JsonNode info = info(volume);
        assertFalse(info.has("backing-filename"), "the volume has no overlay: " + info);
        assertEquals(1L << 30, info.path("virtual-size").asLong());
        assertTrue(LocalDriver.run("qemu-io", "-f", "qcow2", "-c", "read -P 0x5a 0 64k", volume).contains("read 65536/65536"));
        assertEquals(List.of("filler", Path.of(volume).getFileName().toString()), files());
    }

    @Test
    void anExtendOnAFullDiskKeepsTheOldSizeAndAConsistentImage() throws IOException {
        String volume = driver.create(UUID.randomUUID(), 1);
        fillLeaving(0);
        StorageFull e = assertThrows(StorageFull.class, () -> driver.extend(volume, 2));
        assertTrue(e.getMessage().contains("qemu-img resize failed"), e.getMessage());
        assertEquals(1L << 30, info(volume).path("virtual-size").asLong());
        LocalDriver.run("qemu-img", "check", "-q", "-f", "qcow2", volume);
    }

    @Test
    void aVolumeFromAnImageOrACloneOnAFullDiskLeavesNoFile() throws IOException {
        Path image = elsewhere.resolve("image.qcow2");
        LocalDriver.run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "1G");
        LocalDriver.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x61 0 1M", image.toString());
        String source = driver.create(UUID.randomUUID(), 1);
        LocalDriver.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x62 0 1M", source);
        fillLeaving(64 * 1024);
        List<String> before = files();
        assertThrows(StorageFull.class, () -> driver.createFromImage(UUID.randomUUID(), image, "qcow2", 1));
        assertEquals(before, files());
        assertThrows(StorageFull.class, () -> driver.createFromVolume(UUID.randomUUID(), source, 1));
        assertEquals(before, files());
    }

    @Test
    void aCopyToAnImageOnAFullDiskIsStorageFull() throws IOException {
        String volume = driver.create(UUID.randomUUID(), 1);
        fillLeaving(0);
        Path target = dir.resolve("upload.qcow2");
        assertThrows(StorageFull.class, () -> driver.copyToImage(volume, target, "qcow2"));
    }

    /** The configuration of a local backend in {@code dir} (the only part LocalDriver reads). */
    private static BackendConfig localIn(Path dir) {
        BackendConfig.Local local = new BackendConfig.Local() {
            @Override
            public String directory() {
                return dir.toString();
            }

            @Override
            public String qemuImg() {
                return "qemu-img";
            }
        };
        return new BackendConfig() {
            @Override
            public String defaultBackend() {
                return LocalDriver.NAME;
            }

            @Override
            public Local local() {
                return local;
            }

            @Override
            public Libvirt libvirt() {
                throw new UnsupportedOperationException("not the local backend's");
            }
        };
    }

    private void fillLeaving(long room) throws IOException {
        SmallTmpfs.fillLeaving(dir, dir.resolve("filler"), room);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonNode info(String file) throws IOException {
        return JSON.readTree(LocalDriver.run("qemu-img", "info", "--output=json", "-f", "qcow2", file));
    }
}
