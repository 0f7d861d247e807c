package io.strato.volume.backend.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.volume.backend.Driver;
import io.strato.volume.backend.DriverException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo;
import org.libvirt.StorageVolInfo;

/**
 * The pool driver against libvirt's test driver ({@code test:///default}: real libvirt, a simulated host
 * with a running dir pool {@code default-pool} of 100 GiB at {@code /default-pool}, and no files). What the
 * test driver cannot do (resize, anything on the pool's files) must fail with a reason, never silently.
 */
class LibvirtPoolDriverTest {
    private static final String URI = "test:///default";
    private static final long GIB = 1L << 30;

    private final LibvirtPoolDriver driver = driver("default-pool", Optional.empty());

    private static LibvirtPoolDriver driver(String pool, Optional<Path> directory) {
        return new LibvirtPoolDriver(URI, pool, directory, Path.of("target/pool-scratch"), "qemu-img");
    }

    /** What libvirt itself says about a volume of default-pool (null when there is none). */
    private static Vol vol(String name) {
        return PoolConnection.of(URI).call("test: read " + name, c -> {
            StoragePool pool = c.storagePoolLookupByName("default-pool");
            if (!List.of(pool.listVolumes()).contains(name)) {
                return null;
            }
            var v = pool.storageVolLookupByName(name);
            StorageVolInfo info = v.getInfo();
            return new Vol(v.getPath(), info.capacity, info.allocation, PoolXml.backingPath(v.getXMLDesc(0)).orElse(null));
        });
    }

    record Vol(String path, long capacity, long allocation, String backing) {
    }

    @Test
    void aNewVolumeIsThinQcow2() {
        UUID id = UUID.randomUUID();
        String location = driver.create(id, 100);
        assertEquals("volume-" + id, location);
        Vol v = vol("volume-" + id + ".qcow2");
        assertEquals(100 * GIB, v.capacity());
        assertTrue(v.allocation() < (1 << 20), "allocated " + v.allocation() + " bytes of a new 100 GiB volume");
        assertNull(v.backing());
        Driver.Connection conn = driver.connection(location);
        assertEquals(new Driver.Connection("file", "/default-pool/volume-" + id + ".qcow2", "qcow2"), conn);
    }

    @Test
    void extendFailsWithTheReasonOnTheTestDriverAndKeepsTheSize() {
        String location = driver.create(UUID.randomUUID(), 1);
        DriverException e = assertThrows(DriverException.class, () -> driver.extend(location, 2));
        assertTrue(e.getMessage().contains("virStorageVolResize"), e.getMessage());
        assertTrue(e.getMessage().startsWith("extend " + location), e.getMessage());
        assertEquals(GIB, vol(location + ".qcow2").capacity());
    }

    @Test
    void snapshotsFreezeTheTopLayerAndTheVolumeGoesOnInABackingChain() {
        UUID id = UUID.randomUUID();
        String volume = driver.create(id, 3);
        String s1 = driver.createSnapshot(volume, UUID.randomUUID());
        assertEquals(volume + ".qcow2", s1);
        Vol top1 = vol(volume + ".1.qcow2");
        assertEquals("/default-pool/" + s1, top1.backing());
        assertEquals(3 * GIB, top1.capacity());
        assertEquals(top1.path(), driver.connection(volume).devicePath());

        String s2 = driver.createSnapshot(volume, UUID.randomUUID());
        assertEquals(volume + ".1.qcow2", s2);
        Vol top2 = vol(volume + ".2.qcow2");
        assertEquals("/default-pool/" + s2, top2.backing());
        assertEquals(top2.path(), driver.connection(volume).devicePath());
        assertEquals("/default-pool/" + s1, vol(s2).backing(), "the first snapshot stays under the second");

        assertThrows(DriverException.class, () -> driver.createSnapshot(s1, UUID.randomUUID()));
    }

    @Test
    void aVolumeFromASnapshotOrAVolumeIsAnIndependentCopyOfTheAskedSize() {
        String volume = driver.create(UUID.randomUUID(), 2);
        String snapshot = driver.createSnapshot(volume, UUID.randomUUID());

        UUID fromSnap = UUID.randomUUID();
        assertEquals("volume-" + fromSnap, driver.createFromSnapshot(fromSnap, snapshot, 5));
        Vol copy = vol("volume-" + fromSnap + ".qcow2");
        assertEquals(5 * GIB, copy.capacity());
        assertNull(copy.backing(), "a volume from a snapshot stands on nothing");

        UUID clone = UUID.randomUUID();
        driver.createFromVolume(clone, volume, 2);
        assertEquals(2 * GIB, vol("volume-" + clone + ".qcow2").capacity());
        assertNull(vol("volume-" + clone + ".qcow2").backing());

        UUID small = UUID.randomUUID();
        DriverException e = assertThrows(DriverException.class, () -> driver.createFromSnapshot(small, snapshot, 1));
        assertTrue(e.getMessage().contains("larger than the volume"), e.getMessage());
        assertNull(vol("volume-" + small + ".qcow2"));
    }

    @Test
    void deleteRemovesTheVolumeAndDeleteWithChainItsSnapshotsToo() {
        String lone = driver.create(UUID.randomUUID(), 1);
        driver.delete(lone);
        assertNull(vol(lone + ".qcow2"));
        driver.delete(lone); // already gone: not an error

        String volume = driver.create(UUID.randomUUID(), 1);
        String s1 = driver.createSnapshot(volume, UUID.randomUUID());
        String s2 = driver.createSnapshot(volume, UUID.randomUUID());
        String other = driver.create(UUID.randomUUID(), 1);
        driver.deleteWithChain(volume);
        assertNull(vol(s1));
        assertNull(vol(s2));
        assertNull(vol(volume + ".2.qcow2"));
        assertTrue(vol(other + ".qcow2") != null, "another volume is left alone");
    }

    @Test
    void aSnapshotNothingReadsThroughIsDeletedAndFoldingOneFailsWithTheReason() {
        String volume = driver.create(UUID.randomUUID(), 1);
        String s1 = driver.createSnapshot(volume, UUID.randomUUID());
        String s2 = driver.createSnapshot(volume, UUID.randomUUID());
        // s1 under s2: folding needs qemu-img on files the test driver does not have
        DriverException e = assertThrows(DriverException.class, () -> driver.deleteSnapshot(s1, s2));
        assertTrue(e.getMessage().contains("test driver"), e.getMessage());
        assertTrue(vol(s1) != null, "a snapshot that could not be folded is kept");
        // a child that does not read through the snapshot (after an interrupted fold): the snapshot just goes
        UUID flat = UUID.randomUUID();
        driver.createFromSnapshot(flat, s2, 1);
        driver.deleteSnapshot(s1, "volume-" + flat);
        assertNull(vol(s1));
        driver.deleteSnapshot(s1, s2); // already gone: not an error
    }

    @Test
    void capacityIsThePoolsSizeAndWhatTheBackendsVolumesAllocate() {
        // a layer of ours with 3 MiB allocated, and a foreign volume whose 5 MiB are not the backend's
        String ours = "volume-" + UUID.randomUUID() + ".qcow2";
        String foreign = "other-" + UUID.randomUUID() + ".img";
        Driver.Capacity before = driver.capacity();
        StoragePoolInfo info = PoolConnection.of(URI).call("test: add volumes", c -> {
            StoragePool pool = c.storagePoolLookupByName("default-pool");
            pool.storageVolCreateXML("<volume><name>" + ours + "</name><capacity unit='G'>1</capacity>"
                    + "<allocation unit='M'>3</allocation><target><format type='qcow2'/></target></volume>", 0);
            pool.storageVolCreateXML("<volume><name>" + foreign + "</name><capacity unit='G'>1</capacity>"
                    + "<allocation unit='M'>5</allocation></volume>", 0);
            return pool.getInfo();
        });
        Driver.Capacity after = driver.capacity();
        assertEquals(info.capacity, after.totalBytes());
        assertEquals(100 * GIB, after.totalBytes());
        assertEquals(info.available, after.freeBytes());
        assertEquals(3L << 20, after.allocatedBytes() - before.allocatedBytes());
        driver.delete(ours);
    }

    @Test
    void oneConnectionPerUriSoTwoDriversSeeTheSameSimulatedPool() {
        String location = driver.create(UUID.randomUUID(), 1);
        LibvirtPoolDriver second = driver("default-pool", Optional.empty());
        assertEquals("/default-pool/" + location + ".qcow2", second.connection(location).devicePath());
    }

    @Test
    void aMissingPoolIsDefinedAsADirPoolAtTheConfiguredDirectoryAndStarted() {
        String name = "strato-" + UUID.randomUUID();
        Path dir = Path.of("/strato-test/" + name);
        LibvirtPoolDriver d = driver(name, Optional.of(dir));
        String location = d.create(UUID.randomUUID(), 1);
        assertEquals(dir.resolve(location + ".qcow2").toString(), d.connection(location).devicePath());
        String xml = PoolConnection.of(URI).call("test: read pool", c -> {
            StoragePool pool = c.storagePoolLookupByName(name);
            assertEquals(1, pool.isActive());
            assertEquals(1, pool.isPersistent());
            return pool.getXMLDesc(0);
        });
        assertEquals("dir", PoolXml.poolType(xml));
        assertEquals(dir.toString(), PoolXml.targetPath(xml));

        DriverException elsewhere = assertThrows(DriverException.class,
                () -> driver(name, Optional.of(Path.of("/somewhere/else"))).create(UUID.randomUUID(), 1));
        assertTrue(elsewhere.getMessage().contains("not in the configured /somewhere/else"), elsewhere.getMessage());

        DriverException none = assertThrows(DriverException.class,
                () -> driver("missing-" + UUID.randomUUID(), Optional.empty()).create(UUID.randomUUID(), 1));
        assertTrue(none.getMessage().contains("has no storage pool"), none.getMessage());
    }

    @Test
    void whatNeedsThePoolsFilesFailsWithTheReasonOnTheTestDriver() {
        UUID id = UUID.randomUUID();
        DriverException e = assertThrows(DriverException.class,
                () -> driver.createFromImage(id, Path.of("target/no-image.raw"), "raw", 1));
        assertTrue(e.getMessage().contains("test driver"), e.getMessage());
        assertNull(vol("volume-" + id + ".qcow2"));
        assertFalse(driver.scratch(id).startsWith("/default-pool"));
    }

    @Test
    void locationsOtherThanTheBackendsOwnAreRefused() {
        for (String bad : List.of("../etc/passwd", "/default-pool/x.qcow2", "volume-1.qcow2", "volume-"
                + UUID.randomUUID() + ".0.qcow2")) {
            assertThrows(DriverException.class, () -> driver.delete(bad), bad);
            assertThrows(DriverException.class, () -> driver.connection(bad), bad);
        }
    }
}
