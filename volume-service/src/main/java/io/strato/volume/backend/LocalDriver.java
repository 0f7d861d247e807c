package io.strato.volume.backend;

import io.strato.host.process.CommandFailed;
import io.strato.host.process.CommandInterrupted;
import io.strato.host.process.CommandNotStarted;
import io.strato.host.process.CommandTimedOut;
import io.strato.host.process.HostCommand;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Volumes as thin qcow2 files in one directory ({@code volume-<id>.qcow2}): a new volume takes a few
 * hundred KiB whatever its size, and grows only as it is written. All work goes through qemu-img. Work that
 * fails (the directory's file system full among the reasons: {@link StorageFull}) leaves no new file behind, and
 * a failed snapshot leaves the volume as it was.
 */
@ApplicationScoped
public class LocalDriver implements Driver {
    public static final String NAME = "local";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long one qemu-img run may take (a convert of a large image is the longest). */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STAT_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final String qemuImg;

    public LocalDriver(BackendConfig config) {
        this.dir = Path.of(config.local().directory()).toAbsolutePath();
        this.qemuImg = config.local().qemuImg();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String create(UUID volumeId, int sizeGb) {
        Path file = file(volumeId);
        removingOnFailure(file, () -> run(qemuImg, "create", "-q", "-f", "qcow2", file.toString(), sizeGb + "G"));
        return file.toString();
    }

    @Override
    public Connection connection(String location) {
        return new Connection("file", inside(location).toString(), "qcow2");
    }

    @Override
    public void extend(String location, int sizeGb) {
        run(qemuImg, "resize", "-q", "-f", "qcow2", inside(location).toString(), sizeGb + "G");
    }

    /** Removes the volume's file and the snapshot files of its backing chain (a whole project going). */
    @Override
    public void deleteWithChain(String location) {
        Path file = inside(location);
        while (file != null && Files.exists(file)) {
            String backing = backingOf(file);
            delete(file.toString());
            file = backing == null ? null : inside(backing);
        }
    }

    @Override
    public void delete(String location) {
        try {
            Files.deleteIfExists(inside(location));
        } catch (IOException e) {
            throw new DriverException("could not remove " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String createSnapshot(String volumeLocation, UUID snapshotId) {
        Path volume = inside(volumeLocation);
        Path snapshot = dir.resolve("snapshot-" + snapshotId + ".qcow2");
        try {
            // the volume's file becomes the frozen snapshot, and the volume a new overlay on top of it, at its old path
            Files.move(volume, snapshot, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a rename needs room too where the file system copies on write (an overlay's upper layer)
            if (StorageFull.describes(e)) {
                throw new StorageFull("could not freeze " + volumeLocation + ": " + e.getMessage(), e);
            }
            throw new DriverException("could not freeze " + volumeLocation + ": " + e.getMessage(), e);
        }
        try {
            run(qemuImg, "create", "-q", "-f", "qcow2", "-b", snapshot.toString(), "-F", "qcow2", volume.toString());
        } catch (DriverException e) {
            try {
                // what qemu-img wrote of the overlay (a full disk stops it half way) goes; the volume comes back whole
                Files.deleteIfExists(volume);
                Files.move(snapshot, volume, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return snapshot.toString();
    }

    @Override
    public void deleteSnapshot(String snapshotLocation, String childLocation) {
        Path snapshot = inside(snapshotLocation);
        if (!Files.exists(snapshot)) {
            return;
        }
        if (childLocation == null) {
            delete(snapshotLocation);
            return;
        }
        Path child = inside(childLocation);
        String parent = backingOf(snapshot);
        // safe-mode rebase copies into the child every cluster it read from the snapshot, then points it past it
        run(qemuImg, "rebase", "-f", "qcow2", "-b", parent == null ? "" : parent, "-F", "qcow2", child.toString());
        delete(snapshotLocation);
    }

    @Override
    public String createFromSnapshot(UUID volumeId, String snapshotLocation, int sizeGb) {
        Path target = file(volumeId);
        // a full (but sparse) copy of the chain up to the snapshot: the new volume depends on nothing
        removingOnFailure(target, () -> {
            run(qemuImg, "convert", "-q", "-f", "qcow2", "-O", "qcow2", inside(snapshotLocation).toString(), target.toString());
            resizeUp(target, sizeGb);
        });
        return target.toString();
    }

    @Override
    public String createFromVolume(UUID volumeId, String sourceLocation, int sizeGb) {
        // qemu-img reads through the source's backing chain: the clone is flat and depends on nothing
        return createFromSnapshot(volumeId, sourceLocation, sizeGb);
    }

    @Override
    public String createFromImage(UUID volumeId, Path image, String diskFormat, int sizeGb) {
        Path target = file(volumeId);
        String format = diskFormat == null || diskFormat.isBlank() ? "raw" : diskFormat;
        removingOnFailure(target, () -> {
            run(qemuImg, "convert", "-q", "-f", format, "-O", "qcow2", image.toString(), target.toString());
            resizeUp(target, sizeGb);
        });
        return target.toString();
    }

    @Override
    public void copyToImage(String location, Path target, String diskFormat) {
        // qemu-img reads through the volume's backing chain (its snapshots): the image is the volume as it reads now
        run(qemuImg, "convert", "-q", "-f", "qcow2", "-O", Driver.qemuFormat(diskFormat), inside(location).toString(),
                target.toString());
    }

    @Override
    public Path scratch(UUID volumeId) {
        return file(volumeId).resolveSibling("download-" + volumeId + ".part");
    }

    /**
     * Runs {@code work}, which makes the new file {@code target}; when it fails, removes whatever it left of the file
     * (qemu-img stopped by a full disk leaves a truncated image behind).
     */
    private void removingOnFailure(Path target, Runnable work) {
        try {
            work.run();
        } catch (DriverException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /** Grows the file to {@code sizeGb} GiB; a 400-worthy failure when it is already larger. */
    private void resizeUp(Path file, int sizeGb) {
        long virtual = virtualSize(file);
        long wanted = (long) sizeGb << 30;
        if (virtual > wanted) {
            throw new DriverException("the source's virtual size (" + virtual + " bytes) is larger than the volume ("
                    + sizeGb + " GiB)");
        }
        if (virtual < wanted) {
            run(qemuImg, "resize", "-q", "-f", "qcow2", file.toString(), sizeGb + "G");
        }
    }

    private long virtualSize(Path file) {
        JsonNode info = info(file);
        return info.path("virtual-size").asLong();
    }

    private String backingOf(Path file) {
        JsonNode info = info(file);
        String b = info.path("full-backing-filename").asText(null);
        return b != null ? b : info.path("backing-filename").asText(null);
    }

    private JsonNode info(Path file) {
        String out = run(qemuImg, "info", "--output=json", "-f", "qcow2", file.toString());
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new DriverException("could not read qemu-img info of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Capacity capacity() {
        try {
            Files.createDirectories(dir);
            var store = Files.getFileStore(dir);
            long allocated = 0;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".qcow2")).toList()) {
                    allocated += allocatedBytes(f);
                }
            }
            return new Capacity(store.getTotalSpace(), store.getUsableSpace(), allocated);
        } catch (IOException e) {
            throw new DriverException("could not read the capacity of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The bytes the file really occupies on disk (blocks allocated, not its apparent length). */
    public static long allocatedBytes(Path file) throws IOException {
        // st_blocks, which Java's attribute views do not expose; stat(1) reads it (in units of %B bytes)
        String out;
        try {
            out = HostCommand.of(STAT_TIMEOUT, "stat", "--format=%b %B", file.toString()).output();
        } catch (CommandFailed e) {
            throw new IOException("stat " + file + ": " + e.output());
        } catch (CommandTimedOut e) {
            throw new IOException(e.getMessage() + " reading the size of " + file);
        } catch (CommandNotStarted e) {
            throw e.getCause();
        } catch (CommandInterrupted e) {
            throw new IOException("interrupted while reading the size of " + file, e.getCause());
        }
        String[] parts = out.split("\\s+");
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }

    Path file(UUID volumeId) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DriverException("could not create the volume directory " + dir + ": " + e.getMessage(), e);
        }
        return dir.resolve("volume-" + volumeId + ".qcow2");
    }

    /** A location this driver made: a file directly in its directory, so a row can never point it elsewhere. */
    private Path inside(String location) {
        Path p = Path.of(location).toAbsolutePath().normalize();
        if (!dir.equals(p.getParent())) {
            throw new DriverException("location " + location + " is not in the local backend's directory");
        }
        return p;
    }

    /**
     * Runs a command (qemu-img) to its end, within ten minutes (host-kit's runner: the timeout holds even
     * when the tool hangs with its output open, and a timed-out tool is killed); its output, or a
     * DriverException with it.
     */
    public static String run(String... command) {
        try {
            return HostCommand.of(RUN_TIMEOUT, command).output();
        } catch (CommandTimedOut e) {
            throw new DriverException(e.brief() + " timed out");
        } catch (CommandFailed e) {
            if (StorageFull.describes(e.output())) {
                throw new StorageFull(e.brief() + " failed: " + e.output(), null);
            }
            throw new DriverException(e.brief() + " failed: " + e.output());
        } catch (CommandNotStarted e) {
            throw new DriverException("could not run " + command[0] + ": " + e.getCause().getMessage(), e.getCause());
        } catch (CommandInterrupted e) {
            throw new DriverException(command[0] + " was interrupted", e.getCause());
        }
    }
}
