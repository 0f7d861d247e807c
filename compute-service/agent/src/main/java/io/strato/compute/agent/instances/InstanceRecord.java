package io.strato.compute.agent.instances;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.strato.compute.protocol.Commands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the agent keeps about one instance, in {@code <instance dir>/instance.json}: enough to rebuild
 * its domain XML (resize, revert, a simulated host's restart) and the power state compute-service expects.
 *
 * @param flavor   the flavor the domain is defined with now
 * @param resize   the resize awaiting confirm or revert, or null
 * @param expected the power state the last command left the domain in
 * @param volumes  the volumes attached to it, in device order (every redefinition keeps their disks)
 * @param configDrive whether it has a config drive ({@code disk.config}; every redefinition keeps it)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstanceRecord(UUID serverId, String name, String projectId, String userId, Commands.Flavor flavor,
                             Commands.Image image, List<Commands.Port> ports, boolean directBoot, String cmdline,
                             ExpectedPower expected, PendingResize resize, Instant createdAt,
                             List<Volume> volumes, boolean configDrive) {

    public InstanceRecord {
        volumes = volumes == null ? List.of() : List.copyOf(volumes); // records written before volumes existed
    }

    /**
     * An attached volume: the file the disk reads, its format, the guest device ({@code vdb}...) and the
     * libvirt {@code <iotune>} limits of its volume type; the disk's {@code <serial>} is the volume id.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Volume(UUID volumeId, String device, String sourcePath, String format, Map<String, Long> iotune) {
        public Volume {
            iotune = iotune == null ? Map.of() : Map.copyOf(iotune);
        }
    }

    /**
     * A resize in progress: the flavor to go back to, and whether the server ran before (a revert starts it again).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PendingResize(Commands.Flavor oldFlavor, Commands.Flavor newFlavor, boolean wasRunning) {
    }

    public InstanceRecord withExpected(ExpectedPower power) {
        return new InstanceRecord(serverId, name, projectId, userId, flavor, image, ports, directBoot, cmdline, power,
                resize, createdAt, volumes, configDrive);
    }

    public InstanceRecord withFlavor(Commands.Flavor newFlavor, PendingResize pending) {
        return new InstanceRecord(serverId, name, projectId, userId, newFlavor, image, ports, directBoot, cmdline,
                expected, pending, createdAt, volumes, configDrive);
    }

    public java.util.Optional<Volume> volume(UUID volumeId) {
        return volumes.stream().filter(v -> v.volumeId().equals(volumeId)).findFirst();
    }

    /** This record with {@code volume} attached (replacing an earlier entry of the same volume). */
    public InstanceRecord withVolume(Volume volume) {
        List<Volume> next = new ArrayList<>(withoutVolume(volume.volumeId()).volumes);
        next.add(volume);
        next.sort(Comparator.comparing(Volume::device));
        return withVolumes(next);
    }

    public InstanceRecord withoutVolume(UUID volumeId) {
        return withVolumes(volumes.stream().filter(v -> !v.volumeId().equals(volumeId)).toList());
    }

    private InstanceRecord withVolumes(List<Volume> next) {
        return new InstanceRecord(serverId, name, projectId, userId, flavor, image, ports, directBoot, cmdline,
                expected, resize, createdAt, next, configDrive);
    }
}
