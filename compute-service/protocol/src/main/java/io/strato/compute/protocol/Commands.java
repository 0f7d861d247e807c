package io.strato.compute.protocol;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The commands compute-service sends to the agent of a host, one record per command (the agent has one
 * handler per command). Every command carries a {@code commandId} the agent echoes in its report, so
 * compute-service can match results and ignore duplicates. Handlers are idempotent: a command
 * delivered twice leaves the same domain behind.
 */
public final class Commands {
    private Commands() {
    }

    /** Command names, as in {@link Topics#commandType}. */
    public static final String SPAWN = "spawn";
    public static final String STOP = "stop";
    public static final String START = "start";
    public static final String REBOOT = "reboot";
    public static final String RESIZE = "resize";
    public static final String CONFIRM_RESIZE = "confirm_resize";
    public static final String REVERT_RESIZE = "revert_resize";
    public static final String DELETE = "delete";
    public static final String CONSOLE_OUTPUT = "console_output";
    public static final String ATTACH_VOLUME = "attach_volume";
    public static final String DETACH_VOLUME = "detach_volume";
    public static final String PAUSE = "pause";
    public static final String UNPAUSE = "unpause";
    public static final String SUSPEND = "suspend";
    public static final String RESUME = "resume";
    public static final String SNAPSHOT = "snapshot";
    public static final String BACKUP = "backup";

    /** A flavor as the hypervisor needs it; {@code extraSpecs} carries Nova's {@code quota:*} resource policy keys. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Flavor(String id, String name, int vcpus, int memoryMb, int rootGb, int ephemeralGb, int swapMb,
                         Map<String, String> extraSpecs) {
    }

    /** The image to boot from (fetched from image-service into the host's cache, checksum verified). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Image(UUID id, String checksum, String diskFormat, String containerFormat, Long size,
                        Map<String, String> properties) {
    }

    /**
     * A bound port: the guest's interface.
     *
     * @param bridge the Linux bridge the port's binding names ({@code binding:vif_details.bridge_name}), or null
     *               when compute-service did not pass one (the agent then derives Neutron's {@code brq} name)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Port(UUID portId, UUID networkId, String macAddress, int mtu, List<String> ipAddresses, String bridge) {

        /** A port without a bridge name from its binding. */
        public Port(UUID portId, UUID networkId, String macAddress, int mtu, List<String> ipAddresses) {
            this(portId, networkId, macAddress, mtu, ipAddresses, null);
        }
    }

    /**
     * Spawn a server.
     *
     * @param configDrive the files of its config drive, or null when it has none
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Spawn(UUID commandId, UUID serverId, String projectId, String userId, String name, Flavor flavor,
                        Image image, List<Port> ports, String keyData, String userData, Map<String, String> metadata,
                        ConfigDrive configDrive) {

        /** A spawn without a config drive. */
        public Spawn(UUID commandId, UUID serverId, String projectId, String userId, String name, Flavor flavor,
                     Image image, List<Port> ports, String keyData, String userData, Map<String, String> metadata) {
            this(commandId, serverId, projectId, userId, name, flavor, image, ports, keyData, userData, metadata, null);
        }
    }

    /**
     * The content of a config drive (Nova's {@code config-2} volume), which the agent writes as an ISO 9660 image.
     * Nova's layout repeats the same documents in every dated version directory ({@code user_data}, up to 64 KiB,
     * among them), so each distinct content travels once: {@code files} maps a path on the drive
     * ({@code openstack/latest/meta_data.json}) to an index of {@code contents}, the base64 of the bytes.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConfigDrive(Map<String, Integer> files, List<String> contents) {

        public ConfigDrive {
            files = Map.copyOf(files);
            contents = List.copyOf(contents);
        }

        /** The drive of {@code files} (path to bytes), each distinct content kept once. */
        public static ConfigDrive of(Map<String, byte[]> files) {
            Map<String, Integer> index = new TreeMap<>();
            Map<String, Integer> seen = new HashMap<>();
            List<String> contents = new ArrayList<>();
            files.forEach((path, bytes) -> {
                String encoded = Base64.getEncoder().encodeToString(bytes);
                index.put(path, seen.computeIfAbsent(encoded, e -> {
                    contents.add(e);
                    return contents.size() - 1;
                }));
            });
            return new ConfigDrive(index, contents);
        }

        /** Every file with its bytes, by path. */
        public Map<String, byte[]> decode() {
            Map<String, byte[]> out = new TreeMap<>();
            files.forEach((path, i) -> {
                if (i == null || i < 0 || i >= contents.size()) {
                    throw new IllegalArgumentException("config drive file " + path + " names content " + i
                            + ", and there are " + contents.size());
                }
                out.put(path, Base64.getDecoder().decode(contents.get(i)));
            });
            return out;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Stop(UUID commandId, UUID serverId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Start(UUID commandId, UUID serverId) {
    }

    /** Pauses the guest's vCPUs; its memory stays in the running QEMU process. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pause(UUID commandId, UUID serverId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Unpause(UUID commandId, UUID serverId) {
    }

    /** Saves the guest's memory to disk and stops its domain (libvirt's managed save); resume restores it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Suspend(UUID commandId, UUID serverId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Resume(UUID commandId, UUID serverId) {
    }

    /** {@code hard}: reset the domain instead of asking the guest to restart. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reboot(UUID commandId, UUID serverId, boolean hard) {
    }

    /** Resize in place on the same host (the resize; migration between hosts is later work). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Resize(UUID commandId, UUID serverId, Flavor oldFlavor, Flavor newFlavor) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConfirmResize(UUID commandId, UUID serverId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RevertResize(UUID commandId, UUID serverId, Flavor oldFlavor) {
    }

    /** Undefines the domain and removes the instance's files; deleting a domain that is gone succeeds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Delete(UUID commandId, UUID serverId) {
    }

    /**
     * Nova's snapshot_instance: copies the server's root disk to a standalone qcow2 (no backing file) and uploads
     * it as the data of image {@code imageId}, which compute-service created (queued) in image-service; the agent
     * sets its {@code disk_format} and {@code containerFormat} first. A running guest is paused for the copy only.
     * On failure the agent deletes the image, as Nova's compute manager does.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Snapshot(UUID commandId, UUID serverId, UUID imageId, String containerFormat) {
    }

    /**
     * Nova's backup_instance: a {@link Snapshot} into image {@code imageId}, then the rotation: of the server's backups
     * of {@code backupType} (images of the same owner with properties {@code image_type=backup}, {@code backup_type},
     * {@code instance_uuid}), newest first, all but the first {@code rotation} are deleted.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Backup(UUID commandId, UUID serverId, UUID imageId, String containerFormat, String backupType,
                         int rotation) {
    }

    /** {@code length}: the last lines wanted, or null for all. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConsoleOutput(UUID commandId, UUID serverId, Integer length) {
    }

    /**
     * Hot-plugs a volume (a file on this machine, from volume-service's connection_info) as
     * {@code /dev/<device>}; {@code iotune} holds libvirt iotune element names (total_iops_sec, ...) and
     * values, from the volume type's front-end QoS. Attaching a volume whose disk (same serial) is there succeeds.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AttachVolume(UUID commandId, UUID serverId, UUID volumeId, String device, String sourcePath,
                               String format, Map<String, Long> iotune) {
    }

    /** Unplugs the volume's disk; detaching a volume that is not there succeeds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DetachVolume(UUID commandId, UUID serverId, UUID volumeId, String device) {
    }
}
