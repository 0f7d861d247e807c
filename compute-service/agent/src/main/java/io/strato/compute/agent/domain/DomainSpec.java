package io.strato.compute.agent.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Everything a server's libvirt domain is made of, typed; {@link DomainXml} renders it. Built by
 * {@link DomainSpecs} from a spawn (or resize) and the host's {@link GuestPlatform}.
 */
public record DomainSpec(UUID serverId, String name, GuestPlatform platform, int vcpus, long memoryMib,
                         ResourcePolicy policy, Optional<DirectBoot> directBoot, List<Disk> disks,
                         Optional<ConfigDrive> configDrive, List<Nic> nics, Path consoleLog, Owner owner) {

    /** Kernel and ramdisk booted directly (images with {@code kernel_id} / {@code ramdisk_id} properties). */
    public record DirectBoot(Path kernel, Optional<Path> initrd, String cmdline) {
    }

    /**
     * A disk file; {@code iotune} limits apply to it.
     *
     * @param format libvirt driver type of the file: {@code qcow2} for overlays
     * @param target guest device name, {@code vda}...
     * @param serial the serial the guest sees (a volume's id, as Nova sets it), or null
     */
    public record Disk(Path source, String format, String target, Map<IoLimit, Long> iotune, String serial) {
    }

    /** The config drive: an ISO image, read-only, as a cdrom on {@code bus}. */
    public record ConfigDrive(Path source, ConfigDriveBus bus) {
    }

    /**
     * A network interface for one bound port.
     *
     * @param type      {@code ethernet} (a tap device, {@code targetDev}) or {@code bridge}
     * @param bridge    the bridge to join when {@code type} is {@code bridge}
     * @param targetDev host-side device name, {@code tap<port id prefix>} as Nova names it
     */
    public record Nic(UUID portId, String mac, String type, String bridge, String targetDev, String model,
                      OptionalInt mtu, ResourcePolicy.Bandwidth inbound, ResourcePolicy.Bandwidth outbound) {
    }

    /**
     * Who and what the domain is, written into {@code <metadata>} (as Nova's {@code nova:instance}), so
     * an operator on the host can tell which server, project and flavor a domain belongs to.
     */
    public record Owner(String serverName, String projectId, String userId, FlavorRef flavor, UUID imageId,
                        List<PortRef> ports, Instant createdAt) {
    }

    public record FlavorRef(String id, String name, int vcpus, int memoryMb, int rootGb, int ephemeralGb,
                            int swapMb) {
    }

    public record PortRef(UUID portId, List<String> ipAddresses) {
    }
}
