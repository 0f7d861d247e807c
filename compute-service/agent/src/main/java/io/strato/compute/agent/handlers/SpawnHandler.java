package io.strato.compute.agent.handlers;

import io.strato.compute.agent.configdrive.ConfigDriveWriter;
import io.strato.compute.agent.domain.ResourcePolicy;
import io.strato.compute.agent.images.ImageCache;
import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.instances.QemuImg;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Spawn: image into the cache, thin qcow2 overlay as the instance disk, kernel and ramdisk copied next to
 * it when the image names them ({@code kernel_id}, {@code ramdisk_id}), the config drive when the command carries
 * one, domain XML from the flavor and its resource policy, define, start. A spawn of a server whose domain exists starts it if needed and
 * succeeds; a failed spawn leaves nothing behind (no domain, no files), so a reschedule starts clean.
 */
@Singleton
public class SpawnHandler extends HandlerBase<Commands.Spawn> {

    private static final Logger LOG = Logger.getLogger(SpawnHandler.class);
    private static final long GIB = 1024L * 1024 * 1024;
    /** Nova's kernel command line for direct boot when the image sets no {@code os_command_line}. */
    static final String DEFAULT_CMDLINE = "root=/dev/vda console=tty0 console=ttyS0";

    private final ImageCache images;
    private final QemuImg qemuImg;
    private final ConfigDriveWriter configDrives;

    public SpawnHandler(GuestControl guests, ImageCache images, QemuImg qemuImg, ConfigDriveWriter configDrives) {
        super(Commands.SPAWN, Commands.Spawn.class, guests);
        this.images = images;
        this.qemuImg = qemuImg;
        this.configDrives = configDrives;
    }

    @Override
    public Outcome handle(Commands.Spawn spawn) {
        UUID id = spawn.serverId();
        if (guests.domain(id).isPresent()) {
            guests.expect(id, ExpectedPower.RUNNING);
            return Outcome.done(guests.libvirt().start(id), "the domain exists already; running");
        }
        try {
            ResourcePolicy.from(spawn.flavor().extraSpecs(), spawn.flavor().memoryMb()); // fail before any work
            String baseFormat = diskFormat(spawn.image());
            InstanceStore store = guests.store();
            store.create(id);
            boolean directBoot = copyBootFiles(spawn, store);
            if (spawn.configDrive() != null) {
                configDrives.write(id, spawn.configDrive());
            }
            InstanceRecord record = new InstanceRecord(id, spawn.name(), spawn.projectId(), spawn.userId(),
                    spawn.flavor(), spawn.image(), spawn.ports(), directBoot, cmdline(spawn.image()),
                    ExpectedPower.RUNNING, null, Instant.now(), List.of(), spawn.configDrive() != null);
            images.use(spawn.image(), base -> {
                createDisk(base.path(), baseFormat, store.disk(id), spawn.flavor());
                store.write(record); // inside use(): the image counts as used before an eviction can look
                return null;
            });
            guests.define(record, spawn.flavor());
            DomainPower power = guests.libvirt().start(id);
            return Outcome.done(power, "spawned");
        } catch (RuntimeException e) {
            cleanUp(id);
            LOG.infof("spawn of %s failed: %s", id, e.getMessage());
            return Outcome.failed(DomainPower.NOSTATE, e.getMessage());
        }
    }

    private void createDisk(Path base, String baseFormat, Path disk, Commands.Flavor flavor) {
        if (QemuImg.present(disk)) {
            return;
        }
        OptionalLong size = OptionalLong.empty();
        if (flavor.rootGb() > 0) {
            long flavorBytes = flavor.rootGb() * GIB;
            long imageBytes = qemuImg.virtualSize(base, baseFormat);
            if (imageBytes > flavorBytes) {
                throw new IllegalArgumentException("Flavor's disk is too small for requested image. Flavor disk is "
                        + flavorBytes + " bytes, image is " + imageBytes + " bytes.");
            }
            size = OptionalLong.of(flavorBytes);
        }
        Path part = disk.resolveSibling(disk.getFileName() + ".part");
        qemuImg.createOverlay(base, baseFormat, part, size);
        move(part, disk);
    }

    /** Copies the image's kernel and ramdisk into the instance directory; returns whether it boots directly. */
    private boolean copyBootFiles(Commands.Spawn spawn, InstanceStore store) {
        Map<String, String> props = spawn.image().properties() == null ? Map.of() : spawn.image().properties();
        String kernelId = props.get("kernel_id");
        if (kernelId == null || kernelId.isBlank()) {
            return false;
        }
        copyImage(uuid("kernel_id", kernelId), store.kernel(spawn.serverId()));
        String ramdiskId = props.get("ramdisk_id");
        if (ramdiskId != null && !ramdiskId.isBlank()) {
            copyImage(uuid("ramdisk_id", ramdiskId), store.ramdisk(spawn.serverId()));
        }
        return true;
    }

    private void copyImage(UUID imageId, Path target) {
        if (Files.isRegularFile(target)) {
            return;
        }
        images.use(imageId, cached -> {
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try {
                Files.copy(cached.path(), part, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy image " + imageId + " to " + target, e);
            }
            move(part, target);
            return null;
        });
    }

    private void cleanUp(UUID id) {
        try {
            guests.libvirt().undefine(id);
        } catch (RuntimeException e) {
            LOG.warnf("after a failed spawn, undefining %s failed: %s", id, e.getMessage());
        }
        try {
            guests.store().remove(id);
        } catch (RuntimeException e) {
            LOG.warnf("after a failed spawn, removing the files of %s failed: %s", id, e.getMessage());
        }
    }

    /** The qemu-img format of the image as a disk; formats that are not disks are refused. */
    static String diskFormat(Commands.Image image) {
        String format = image.diskFormat() == null ? "" : image.diskFormat().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "qcow2", "raw", "vmdk", "vdi", "vhdx", "ploop" -> format;
            case "ami" -> "raw";
            case "vhd" -> "vpc";
            default -> throw new IllegalArgumentException("image " + image.id() + " has disk_format '"
                    + image.diskFormat() + "', which this host cannot boot as a disk");
        };
    }

    static String cmdline(Commands.Image image) {
        Map<String, String> props = image.properties() == null ? Map.of() : image.properties();
        String custom = props.get("os_command_line");
        return custom == null || custom.isBlank() ? DEFAULT_CMDLINE : custom;
    }

    private static UUID uuid(String property, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image property " + property + "=" + value + " is not an image id");
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }
}
