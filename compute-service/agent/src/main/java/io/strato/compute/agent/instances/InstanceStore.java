package io.strato.compute.agent.instances;

import io.strato.compute.agent.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The instance directory: one sub-directory per server, {@code <root>/<server id>/}, holding
 * {@code disk} (the qcow2 overlay), {@code console.log}, {@code kernel}/{@code ramdisk} (direct boot),
 * {@code domain.xml} (the definition), {@code instance.json} ({@link InstanceRecord}), {@code disk.config} (the
 * config drive, when it has one) and, during a
 * resize, {@code domain.xml.resize} and {@code disk.resize} (what a revert restores).
 */
public final class InstanceStore {

    private static final Logger LOG = Logger.getLogger(InstanceStore.class);
    private static final String RECORD = "instance.json";

    private final Path root;

    public InstanceStore(Path root) {
        this.root = root.toAbsolutePath();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the instance directory " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path dir(UUID serverId) {
        return root.resolve(serverId.toString());
    }

    public Path disk(UUID serverId) {
        return dir(serverId).resolve("disk");
    }

    public Path diskBeforeResize(UUID serverId) {
        return dir(serverId).resolve("disk.resize");
    }

    /** The config drive: an ISO 9660 image labelled {@code config-2}. */
    public Path configDrive(UUID serverId) {
        return dir(serverId).resolve("disk.config");
    }

    public Path consoleLog(UUID serverId) {
        return dir(serverId).resolve("console.log");
    }

    public Path kernel(UUID serverId) {
        return dir(serverId).resolve("kernel");
    }

    public Path ramdisk(UUID serverId) {
        return dir(serverId).resolve("ramdisk");
    }

    public Path definition(UUID serverId) {
        return dir(serverId).resolve("domain.xml");
    }

    public Path definitionBeforeResize(UUID serverId) {
        return dir(serverId).resolve("domain.xml.resize");
    }

    public Path create(UUID serverId) {
        try {
            return Files.createDirectories(dir(serverId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir(serverId), e);
        }
    }

    public Optional<InstanceRecord> read(UUID serverId) {
        Path file = dir(serverId).resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), InstanceRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable instance record " + file, e);
        }
    }

    public void write(InstanceRecord record) {
        try {
            writeAtomically(dir(record.serverId()).resolve(RECORD), Json.MAPPER.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record of " + record.serverId(), e);
        }
    }

    /** Keeps the domain XML the agent defined (what a revert or a simulated host's restart defines again). */
    public void writeDefinition(UUID serverId, String xml) {
        writeText(definition(serverId), xml);
    }

    public void writeText(Path file, String text) {
        try {
            writeAtomically(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Optional<String> readText(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every instance with a readable record; a directory with a broken record is logged and skipped. */
    public List<InstanceRecord> all() {
        List<InstanceRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                UUID id;
                try {
                    id = UUID.fromString(d.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                try {
                    read(id).ifPresent(records::add);
                } catch (UncheckedIOException e) {
                    LOG.warnf("skipping instance %s: %s", id, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return records;
    }

    /** Ids of the images whose cached copy backs some instance's disk. */
    public Set<UUID> imagesInUse() {
        return all().stream().filter(r -> r.image() != null).map(r -> r.image().id()).collect(Collectors.toSet());
    }

    /** Removes the instance's directory and everything in it; a missing one is fine. */
    public void remove(UUID serverId) {
        Path dir = dir(serverId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
