package io.strato.compute.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.strato.kit.serviceauth.ServiceAuthConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The agent of one hypervisor host. Every key can be set by environment variable (STRATO_AGENT_...). */
@ConfigMapping(prefix = "strato.agent")
public interface AgentConfig {

    /** The host's name in the cloud: its command topic is {@code strato.compute.host.<host>}. */
    String host();

    /** Availability zone the host belongs to. */
    @WithDefault("nova")
    String availabilityZone();

    /** Address other hosts reach this one at (reported as the hypervisor's host_ip). */
    @WithDefault("127.0.0.1")
    String hostIp();

    /**
     * libvirt connection: {@code qemu:///system} on a KVM host; {@code test:///abs/path/host.xml} for a
     * simulated host (libvirt's test driver; the file sets its vCPUs and memory).
     */
    @WithDefault("test:///default")
    String libvirtUri();

    /** Domain type when the driver is QEMU: {@code kvm} where KVM works, {@code qemu} (software emulation) elsewhere. */
    @WithDefault("kvm")
    String virtType();

    /** Machine type of the guests, e.g. {@code q35}; empty lets libvirt choose its default. */
    Optional<String> machineType();

    /** Validate every domain XML against libvirt's schema when defining it (needs libvirt's schemas installed). */
    @WithDefault("true")
    boolean validateXml();

    /** Where each instance gets a directory (disk overlay, console log, domain XML, record). */
    Path instanceDirectory();

    /** Where base images downloaded from image-service are cached (one file per image id). */
    Path imageCacheDirectory();

    /** The program that makes config drives (ISO 9660, label config-2), with genisoimage's options (Nova's mkisofs_cmd). */
    @WithDefault("genisoimage")
    String mkisofsCmd();

    /** Inventory and heartbeat report interval. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** How often libvirt's domains are compared with what compute-service expects. */
    @WithDefault("5s")
    Duration reconcileInterval();

    /** Graceful shutdown wait (stop, soft reboot, resize) before the domain is destroyed. */
    @WithDefault("60s")
    Duration shutdownTimeout();

    /** Longest copy of a server's disk for a snapshot (qemu-img convert; a running guest is paused meanwhile). */
    @WithDefault("30m")
    Duration snapshotCopyTimeout();

    /** Commands of different servers handled at once (commands of one server are always handled in order). */
    @WithDefault("4")
    int commandConcurrency();

    /** Memory kept for the host itself, taken off the reported memory. */
    @WithDefault("512")
    long reservedHostMemoryMb();

    /** Disk kept for the host itself, taken off the reported disk. */
    @WithDefault("0")
    long reservedHostDiskGb();

    /**
     * Local disk to report; when absent, the size of the file system holding the instance directory.
     * Simulated hosts set it, since their guests' overlays take almost no space.
     */
    Optional<Long> diskGb();

    /** image-service, where images are downloaded from and snapshots uploaded to. */
    @WithDefault("http://127.0.0.1:9292")
    String imageUrl();

    /** Identity credentials the agent gets a token with to download images and upload snapshots. */
    ServiceAuthConfig serviceAuth();

    /** How guests' interfaces are plugged. */
    Network network();

    /** Kafka bootstrap servers (commands in, reports out). */
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String kafkaBootstrapServers();

    /** Consume image-deleted events to evict cached images (off in tests that have no broker). */
    @WithDefault("true")
    boolean imageEvents();

    interface Network {
        /**
         * {@code ethernet}: a tap device per port ({@code tap<port id prefix>}); {@code bridge}: attached to
         * {@link #bridge()}; {@code network-bridge}: attached to the port's network bridge (made if missing), which
         * the network agent filters and connects (deploy/local's real host).
         */
        @WithDefault("ethernet")
        String interfaceType();

        /** Bridge the taps join when the interface type is {@code bridge}. */
        @WithDefault("br-int")
        String bridge();

        /** NIC model of the guests. */
        @WithDefault("virtio")
        String vifModel();
    }
}
