package io.strato.volume.backend.libvirt;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.strato.volume.backend.BackendConfig;
import io.strato.volume.backend.Driver;
import io.strato.volume.backend.DriverException;
import io.strato.volume.backend.LocalDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo;
import org.libvirt.StorageVol;

/**
 * Volumes as thin qcow2 storage volumes of a libvirt storage pool, all made through libvirt-java: created
 * with allocation 0, grown with {@code virStorageVolResize}, cloned with {@code virStorageVolCreateXMLFrom}
 * (a flat copy: libvirt reads the source through its backing chain), snapshots as qcow2 backing chains of
 * volumes created with a {@code backingStore} (see {@link Layers}).
 *
 * <p>libvirt has no call for two things the backend needs, and libvirt-java 0.5.2 does not bind
 * {@code virStorageVolUpload}: folding a deleted snapshot into its child and converting an image into a
 * volume run qemu-img on the pool's files, then refresh the pool. Those work only on a {@code dir} pool of
 * a libvirt on this machine; on libvirt's test driver (its pools are simulated, without files) and on a
 * remote libvirt they fail with a reason that says so, as does extend on the test driver (it does not
 * implement volume resize).
 *
 * <p>Why one class of this length: it is the one implementation of the {@code Driver} port for libvirt
 * pools, each method a short sequence of libvirt calls; the pieces with a life of their own (the
 * connection, the backing-chain layers, the storage-volume XML) are already classes beside it.
 */
@ApplicationScoped
@LookupIfProperty(name = "strato.volume.libvirt.enabled", stringValue = "true")
public class LibvirtPoolDriver implements Driver {
    public static final String NAME = "libvirt";
    private static final long GIB = 1L << 30;

    private final PoolConnection libvirt;
    private final String poolName;
    private final Optional<Path> directory;
    private final Path scratchDir;
    private final String qemuImg;
    private boolean poolChecked; // connection thread only

    @Inject
    public LibvirtPoolDriver(BackendConfig config) {
        this(config.libvirt().uri(), config.libvirt().pool(), config.libvirt().directory().map(Path::of),
                Path.of(config.libvirt().scratchDirectory()), config.local().qemuImg());
    }

    /**
     * @param directory the pool's target directory: a missing pool is defined there as a {@code dir} pool
     */
    public LibvirtPoolDriver(String uri, String poolName, Optional<Path> directory, Path scratchDir, String qemuImg) {
        this.libvirt = PoolConnection.of(uri);
        this.poolName = poolName;
        this.directory = directory.map(d -> d.toAbsolutePath().normalize());
        this.scratchDir = scratchDir.toAbsolutePath();
        this.qemuImg = qemuImg;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String create(UUID volumeId, int sizeGb) {
        String volume = Layers.volume(volumeId);
        libvirt.call("create volume " + volume + " in pool " + poolName, c -> {
            pool(c).storageVolCreateXML(PoolXml.volume(Layers.layer(volume, 0), sizeGb * GIB, null), 0);
            return null;
        });
        return volume;
    }

    @Override
    public void extend(String location, int sizeGb) {
        libvirt.call("extend " + location + " to " + sizeGb + " GiB", c -> top(c, location).resize(sizeGb * GIB, 0));
    }

    @Override
    public void delete(String location) {
        libvirt.call("delete " + location, c -> {
            StorageVol v = find(c, pool(c), location);
            if (v != null) {
                v.delete(0);
            }
            return null;
        });
    }

    @Override
    public void deleteWithChain(String location) {
        libvirt.call("delete " + location + " with its snapshots", c -> {
            StoragePool pool = pool(c);
            StorageVol v = find(c, pool, location);
            while (v != null) {
                Optional<String> backing = PoolXml.backingPath(v.getXMLDesc(0));
                v.delete(0);
                v = backing.isPresent() ? ownLayerAt(c, backing.get()) : null;
            }
            return null;
        });
    }

    @Override
    public String createSnapshot(String volumeLocation, UUID snapshotId) {
        if (!Layers.isVolume(volumeLocation)) {
            throw new DriverException("location " + volumeLocation + " is a snapshot, not a volume");
        }
        return libvirt.call("snapshot " + volumeLocation, c -> {
            StoragePool pool = pool(c);
            StorageVol top = top(c, volumeLocation);
            String frozen = top.getName();
            int next = Layers.generation(volumeLocation, frozen).orElseThrow() + 1;
            // the top layer is frozen as it is; the volume goes on in a new layer over it
            pool.storageVolCreateXML(PoolXml.volume(Layers.layer(volumeLocation, next), top.getInfo().capacity,
                    top.getPath()), 0);
            return frozen;
        });
    }

    @Override
    public void deleteSnapshot(String snapshotLocation, String childLocation) {
        record Fold(String snapshotPath, String childPath, String parentPath) {
        }
        Fold fold = libvirt.call("delete snapshot " + snapshotLocation, c -> {
            StoragePool pool = pool(c);
            StorageVol snapshot = find(c, pool, snapshotLocation);
            if (snapshot == null) {
                return null;
            }
            StorageVol child = childLocation == null ? null : find(c, pool, childLocation);
            String snapshotPath = snapshot.getPath();
            if (child == null || !PoolXml.backingPath(child.getXMLDesc(0)).map(snapshotPath::equals).orElse(false)) {
                snapshot.delete(0); // nothing reads through it (any more)
                return null;
            }
            return new Fold(snapshotPath, child.getPath(),
                    PoolXml.backingPath(snapshot.getXMLDesc(0)).orElse(""));
        });
        if (fold == null) {
            return;
        }
        localDirectory("fold snapshot " + snapshotLocation + " into " + childLocation);
        // safe-mode rebase copies into the child every cluster it read from the snapshot, then points it past it
        LocalDriver.run(qemuImg, "rebase", "-f", "qcow2", "-b", fold.parentPath(), "-F", "qcow2", fold.childPath());
        libvirt.call("delete snapshot " + snapshotLocation + " after folding it", c -> {
            StoragePool pool = pool(c);
            pool.refresh(0);
            StorageVol snapshot = find(c, pool, snapshotLocation);
            if (snapshot != null) {
                snapshot.delete(0);
            }
            return null;
        });
    }

    @Override
    public String createFromSnapshot(UUID volumeId, String snapshotLocation, int sizeGb) {
        return copy(volumeId, snapshotLocation, sizeGb);
    }

    @Override
    public String createFromVolume(UUID volumeId, String sourceLocation, int sizeGb) {
        return copy(volumeId, sourceLocation, sizeGb);
    }

    /** A flat, independent copy of the layer (with what it reads through its chain), grown to {@code sizeGb}. */
    private String copy(UUID volumeId, String sourceLocation, int sizeGb) {
        String volume = Layers.volume(volumeId);
        long wanted = sizeGb * GIB;
        libvirt.call("create " + volume + " from " + sourceLocation, c -> {
            StoragePool pool = pool(c);
            StorageVol source = find(c, pool, sourceLocation);
            if (source == null) {
                throw new DriverException("the source " + sourceLocation + " is not in pool " + poolName);
            }
            long virtual = source.getInfo().capacity;
            if (virtual > wanted) {
                throw tooSmall(virtual, sizeGb);
            }
            StorageVol copy = pool.storageVolCreateXMLFrom(PoolXml.volume(Layers.layer(volume, 0), wanted, null),
                    source, 0);
            // libvirt's qemu-img convert keeps the source's size whatever the XML asks
            growTo(copy, wanted);
            return null;
        });
        return volume;
    }

    @Override
    public String createFromImage(UUID volumeId, Path image, String diskFormat, int sizeGb) {
        String volume = Layers.volume(volumeId);
        String layer = Layers.layer(volume, 0);
        Path target = localDirectory("create " + volume + " from an image").resolve(layer);
        String format = diskFormat == null || diskFormat.isBlank() ? "raw" : diskFormat;
        LocalDriver.run(qemuImg, "convert", "-q", "-f", format, "-O", "qcow2", "-o", "compat=1.1",
                image.toString(), target.toString());
        try {
            libvirt.call("add " + volume + " to pool " + poolName, c -> {
                StoragePool pool = pool(c);
                pool.refresh(0);
                StorageVol v = pool.storageVolLookupByName(layer);
                long virtual = v.getInfo().capacity;
                if (virtual > sizeGb * GIB) {
                    throw tooSmall(virtual, sizeGb);
                }
                growTo(v, sizeGb * GIB);
                return null;
            });
        } catch (DriverException e) {
            try {
                delete(volume);
                Files.deleteIfExists(target);
            } catch (IOException | DriverException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return volume;
    }

    @Override
    public void copyToImage(String location, Path target, String diskFormat) {
        LocalDriver.run(qemuImg, "convert", "-q", "-f", "qcow2", "-O", Driver.qemuFormat(diskFormat),
                connection(location).devicePath(), target.toString());
    }

    @Override
    public Path scratch(UUID volumeId) {
        try {
            Files.createDirectories(scratchDir);
        } catch (IOException e) {
            throw new DriverException("could not create the scratch directory " + scratchDir + ": " + e.getMessage(), e);
        }
        return scratchDir.resolve("download-" + volumeId + ".part");
    }

    @Override
    public Connection connection(String location) {
        String path = libvirt.call("read the path of " + location, c -> top(c, location).getPath());
        return new Connection("file", path, "qcow2");
    }

    /** The pool's size and free space as libvirt reports them; allocated: what the backend's volumes use. */
    @Override
    public Capacity capacity() {
        return libvirt.call("read the capacity of pool " + poolName, c -> {
            StoragePool pool = pool(c);
            pool.refresh(0); // writes by guests are seen only after a refresh
            StoragePoolInfo info = pool.getInfo();
            long allocated = 0;
            for (String name : pool.listVolumes()) {
                if (Layers.isLayer(name)) {
                    try {
                        allocated += pool.storageVolLookupByName(name).getInfo().allocation;
                    } catch (LibvirtException e) {
                        if (!PoolConnection.noVolume(e)) {
                            throw e;
                        }
                    }
                }
            }
            return new Capacity(info.capacity, info.available, allocated);
        });
    }

    // ---- below: on the connection thread ----

    /** The pool, defined (as a dir pool at the configured directory), built and started when needed. */
    private StoragePool pool(Connect c) throws LibvirtException {
        StoragePool pool;
        try {
            pool = c.storagePoolLookupByName(poolName);
        } catch (LibvirtException e) {
            if (!PoolConnection.noPool(e)) {
                throw e;
            }
            Path dir = directory.orElseThrow(() -> new DriverException("libvirt at " + libvirt.uri()
                    + " has no storage pool " + poolName + " (set strato.volume.libvirt.directory to define one)"));
            pool = c.storagePoolDefineXML(PoolXml.dirPool(poolName, dir.toString()), 0);
            pool.build(0);
            pool.setAutostart(1);
        }
        if (pool.isActive() == 0) {
            pool.create(0);
        }
        if (!poolChecked) {
            String xml = pool.getXMLDesc(0);
            if (directory.isPresent() && !Path.of(PoolXml.targetPath(xml)).normalize().equals(directory.get())) {
                throw new DriverException("storage pool " + poolName + " at " + libvirt.uri() + " keeps its volumes in "
                        + PoolXml.targetPath(xml) + ", not in the configured " + directory.get());
            }
            poolChecked = true;
        }
        return pool;
    }

    /** The layer {@code location} names, or the volume's top layer; null when there is none. */
    private StorageVol find(Connect c, StoragePool pool, String location) throws LibvirtException {
        String name = location;
        if (Layers.isVolume(location)) {
            int top = -1;
            for (String n : pool.listVolumes()) {
                top = Math.max(top, Layers.generation(location, n).orElse(-1));
            }
            if (top < 0) {
                return null;
            }
            name = Layers.layer(location, top);
        }
        try {
            return pool.storageVolLookupByName(name);
        } catch (LibvirtException e) {
            if (PoolConnection.noVolume(e)) {
                return null;
            }
            throw e;
        }
    }

    private StorageVol top(Connect c, String location) throws LibvirtException {
        StorageVol v = find(c, pool(c), location);
        if (v == null) {
            throw new DriverException(location + " is not in pool " + poolName + " at " + libvirt.uri());
        }
        return v;
    }

    /** The backend's layer at {@code path} (a backing file), or null when the path is not one of them. */
    private StorageVol ownLayerAt(Connect c, String path) throws LibvirtException {
        try {
            StorageVol v = c.storageVolLookupByPath(path);
            return Layers.isLayer(v.getName()) && poolName.equals(v.storagePoolLookupByVolume().getName()) ? v : null;
        } catch (LibvirtException e) {
            if (PoolConnection.noVolume(e)) {
                return null;
            }
            throw e;
        }
    }

    private static void growTo(StorageVol v, long bytes) throws LibvirtException {
        if (v.getInfo().capacity < bytes) {
            v.resize(bytes, 0);
        }
    }

    private static DriverException tooSmall(long virtual, int sizeGb) {
        return new DriverException("the source's virtual size (" + virtual + " bytes) is larger than the volume ("
                + sizeGb + " GiB)");
    }

    // ---- the pool's files, for what libvirt has no call for ----

    /** The pool's directory on this machine, or a DriverException saying why {@code action} cannot use it. */
    private Path localDirectory(String action) {
        if (libvirt.simulated()) {
            throw new DriverException(action + ": needs qemu-img on the pool's files, and libvirt's test driver ("
                    + libvirt.uri() + ") simulates its pools without files");
        }
        String host = URI.create(libvirt.uri()).getHost();
        if (host != null && !host.isEmpty() && !"localhost".equals(host)) {
            throw new DriverException(action + ": needs qemu-img on the pool's files, and libvirt at "
                    + libvirt.uri() + " runs on another machine");
        }
        String xml = libvirt.call("read pool " + poolName, c -> pool(c).getXMLDesc(0));
        Path dir = Path.of(PoolXml.targetPath(xml));
        if (!"dir".equals(PoolXml.poolType(xml)) || !Files.isDirectory(dir)) {
            throw new DriverException(action + ": needs qemu-img on the pool's files, and pool " + poolName
                    + " is not a dir pool whose directory is on this machine");
        }
        return dir;
    }
}
