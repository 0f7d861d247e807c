package io.strato.compute.agent.configdrive;

import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.protocol.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes an instance's config drive, {@code <instance dir>/disk.config} (Nova's name): the spawn's files staged in a
 * directory beside it, made into an ISO 9660 image labelled {@code config-2}, moved into place whole. The drive lives
 * and dies with the instance directory, so reboots, stops, starts and resizes keep it, and a delete removes it.
 */
public final class ConfigDriveWriter {

    private final InstanceStore store;
    private final IsoMaker iso;

    public ConfigDriveWriter(InstanceStore store, IsoMaker iso) {
        this.store = store;
        this.iso = iso;
    }

    /** Writes the drive of {@code serverId} (replacing one a failed attempt left); returns its path. */
    public Path write(UUID serverId, Commands.ConfigDrive drive) {
        Path target = store.configDrive(serverId);
        Path staging = target.resolveSibling("config-drive.staging");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            removeTree(staging);
            for (Map.Entry<String, byte[]> file : drive.decode().entrySet()) {
                Path path = inside(staging, file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            iso.make(staging, part);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config drive of " + serverId, e);
        } finally {
            try {
                removeTree(staging);
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // the instance directory goes with the instance anyway
            }
        }
    }

    /** {@code relative} under {@code root}; a path that would leave it is refused. */
    static Path inside(Path root, String relative) {
        Path path = root.resolve(relative).normalize();
        if (relative.isEmpty() || Path.of(relative).isAbsolute() || !path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("config drive path '" + relative + "' is not a file inside the drive");
        }
        return path;
    }

    private static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
