package io.strato.volume.backend.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.volume.backend.DriverException;
import io.strato.volume.backend.LocalDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.StoragePool;

/**
 * The pool driver on a real libvirt with a dir pool in {@code target/}: what the test driver cannot show
 * (bytes in the files, resize, folding a snapshot, a volume from an image). Runs only where
 * {@code STRATO_REAL_LIBVIRT} (or {@code -Dstrato.real.libvirt}) names a libvirt on this machine, e.g.
 * {@code qemu:///system}; elsewhere JUnit reports it skipped (the test driver tests run everywhere).
 */
class RealPoolTest {
    private static final long MIB = 1L << 20;
    private static String uri;
    private static String poolName;
    private static Path dir;
    private static LibvirtPoolDriver driver;

    /** Each test, not the class, is skipped without a real libvirt, so that surefire counts them as skipped. */
    @BeforeEach
    void pool() {
        String s = System.getProperty("strato.real.libvirt", System.getenv("STRATO_REAL_LIBVIRT"));
        Assumptions.assumeTrue(s != null && !s.isBlank(), "no real libvirt: set STRATO_REAL_LIBVIRT=qemu:///system");
        if (driver != null) {
            return;
        }
        uri = s;
        poolName = "strato-test-" + UUID.randomUUID();
        dir = Path.of("target", poolName).toAbsolutePath();
        driver = new LibvirtPoolDriver(uri, poolName, Optional.of(dir), Path.of("target/pool-scratch"), "qemu-img");
    }

    @AfterAll
    static void removePool() {
        if (driver == null) {
            return;
        }
        PoolConnection.of(uri).call("test: remove pool", c -> {
            StoragePool p = c.storagePoolLookupByName(poolName);
            for (String v : p.listVolumes()) {
                p.storageVolLookupByName(v).delete(0);
            }
            p.destroy();
            p.undefine();
            return null;
        });
    }

    private static String path(String location) {
        return driver.connection(location).devicePath();
    }

    private static void write(String location, int mib, int pattern) {
        LocalDriver.run("qemu-io", "-f", "qcow2", "-c", "write -P " + pattern + " " + mib * MIB + " " + MIB, path(location));
    }

    /** Whether the MiB at {@code mib} reads as {@code pattern} (qemu-io read -P fails on a mismatch). */
    private static boolean reads(String file, int mib, int pattern) {
        try {
            LocalDriver.run("qemu-io", "-r", "-f", "qcow2", "-c", "read -P " + pattern + " " + mib * MIB + " " + MIB, file);
            return true;
        } catch (DriverException e) {
            return false;
        }
    }

    @Test
    void volumesAreThinFilesThatGrowWhenWrittenAndExtend() throws IOException {
        String v = driver.create(UUID.randomUUID(), 100);
        Path file = Path.of(path(v));
        assertEquals(dir, file.getParent());
        long before = LocalDriver.allocatedBytes(file);
        assertTrue(before < MIB, "a new 100 GiB volume allocates " + before + " bytes");
        for (int i = 0; i < 16; i++) {
            write(v, i, 7);
        }
        assertTrue(LocalDriver.allocatedBytes(file) >= before + 16 * MIB);
        assertTrue(driver.capacity().allocatedBytes() >= 16 * MIB);
        driver.extend(v, 120);
        String info = LocalDriver.run("qemu-img", "info", "-U", "--output=json", file.toString());
        assertTrue(info.contains("\"virtual-size\": " + (120L << 30)), info);
        assertTrue(reads(file.toString(), 3, 7));
    }

    @Test
    void snapshotsKeepTheirContentAndAFoldedOneLosesNothing() throws IOException {
        String v = driver.create(UUID.randomUUID(), 1);
        write(v, 0, 1);
        String s1 = driver.createSnapshot(v, UUID.randomUUID());
        write(v, 1, 2);
        String s2 = driver.createSnapshot(v, UUID.randomUUID());
        write(v, 0, 3);

        UUID fromS1 = UUID.randomUUID();
        driver.createFromSnapshot(fromS1, s1, 2);
        String copy = path("volume-" + fromS1);
        assertTrue(reads(copy, 0, 1));
        assertFalse(reads(copy, 1, 2), "the first snapshot was taken before the second MiB was written");
        assertFalse(LocalDriver.run("qemu-img", "info", "-U", copy).contains("backing file"));

        driver.deleteSnapshot(s1, s2); // s2 reads its first MiB through s1: folded into s2 first
        assertFalse(Files.exists(dir.resolve(s1)));
        String top = path(v);
        assertTrue(reads(dir.resolve(s2).toString(), 0, 1));
        assertTrue(reads(top, 1, 2));
        assertTrue(reads(top, 0, 3));
        driver.deleteSnapshot(s2, v);
        assertTrue(reads(top, 1, 2));
        assertFalse(LocalDriver.run("qemu-img", "info", "-U", top).contains("backing file"));
    }

    @Test
    void aVolumeFromAnImageIsAThinCopyGrownToItsSize() throws IOException {
        Path image = Path.of("target", "image-" + UUID.randomUUID() + ".raw").toAbsolutePath();
        LocalDriver.run("qemu-img", "create", "-q", "-f", "raw", image.toString(), "8M");
        LocalDriver.run("qemu-io", "-f", "raw", "-c", "write -P 9 0 1M", image.toString());
        String v = driver.createFromImage(UUID.randomUUID(), image, "raw", 1);
        assertTrue(reads(path(v), 0, 9));
        String info = LocalDriver.run("qemu-img", "info", "-U", "--output=json", path(v));
        assertTrue(info.contains("\"virtual-size\": " + (1L << 30)), info);

        UUID tooSmall = UUID.randomUUID();
        LocalDriver.run("qemu-img", "resize", "-q", "-f", "raw", image.toString(), "2G");
        assertThrows(DriverException.class, () -> driver.createFromImage(tooSmall, image, "raw", 1));
        assertFalse(Files.exists(dir.resolve("volume-" + tooSmall + ".qcow2")));
        Files.delete(image);
    }
}
