package io.strato.compute.agent.testing;

import io.strato.compute.agent.configdrive.ConfigDriveWriter;
import io.strato.compute.agent.configdrive.Genisoimage;
import io.strato.compute.agent.domain.DomainSpecs;
import io.strato.compute.agent.domain.DomainType;
import io.strato.compute.agent.domain.GuestPlatform;
import io.strato.compute.agent.handlers.GuestControl;
import io.strato.compute.agent.images.ImageCache;
import io.strato.compute.agent.images.ImageClient;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.instances.QemuImg;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.protocol.Commands;
import io.strato.kit.serviceauth.BlockingServiceToken;
import io.strato.kit.serviceauth.ServiceCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The agent's real parts on a fresh simulated host (libvirt's test driver with its own host XML, so
 * nothing is shared with other tests), an image server stub, and temporary instance and cache directories.
 * {@link #onHypervisor} puts the same parts on a real libvirt ({@code qemu:///system}) instead.
 */
public final class AgentFixture implements AutoCloseable {

    public final Path dir;
    public final ImageServerStub images;
    public final LibvirtHost libvirt;
    public final InstanceStore store;
    public final QemuImg qemuImg = new QemuImg();
    public final ImageCache cache;
    /** The agent's client of the image server stub (the cache's, and the snapshot's uploads). */
    public final ImageClient imageClient;
    public final DomainSpecs specs;
    public final GuestControl guests;
    /** Writes real ISO images where genisoimage is installed, {@link ListingIso}s elsewhere. */
    public final ConfigDriveWriter configDrives;
    private final UUID baseImage;

    public AgentFixture() {
        this(null, null);
    }

    /**
     * The agent's parts on the real libvirt at {@code uri} with Nova's {@code virtType} ({@code qemu}:
     * software emulation), the platform detected from libvirt as the agent does at start.
     */
    public static AgentFixture onHypervisor(String uri, String virtType) {
        return new AgentFixture(uri, virtType);
    }

    /**
     * The fixture on the real libvirt that {@code STRATO_REAL_LIBVIRT} (or {@code -Dstrato.real.libvirt}) names, e.g.
     * {@code qemu:///system}, with {@code virt_type=qemu}; where none is named the test is skipped, saying {@code skip}.
     */
    public static AgentFixture onRealHypervisor(String skip) {
        String uri = setting("strato.real.libvirt", "STRATO_REAL_LIBVIRT");
        org.junit.jupiter.api.Assumptions.assumeTrue(uri != null && !uri.isBlank(), skip);
        return onHypervisor(uri, "qemu");
    }

    /** A system property, else the environment variable. */
    public static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? System.getenv(env) : v;
    }

    private AgentFixture(String hypervisorUri, String virtType) {
        try {
            dir = Files.createTempDirectory("agent-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        images = ImageServerStub.start();
        libvirt = new LibvirtHost(hypervisorUri == null ? SimulatedHost.write(dir) : hypervisorUri, true);
        store = new InstanceStore(dir.resolve("instances"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BlockingServiceToken token = new BlockingServiceToken(new ServiceCredentials(images.identityUrl(), "admin",
                Optional.of(ImageServerStub.PASSWORD), "admin", "Default", "Default"), Duration.ofMinutes(2), http);
        imageClient = new ImageClient(images.url(), token, http);
        cache = new ImageCache(dir.resolve("cache"), imageClient);
        specs = new DomainSpecs(hypervisorUri == null
                ? () -> new GuestPlatform(DomainType.TEST, libvirt.guestArch("test"), Optional.empty())
                : () -> GuestPlatform.detect(libvirt, virtType, Optional.empty()),
                new DomainSpecs.Plugging("ethernet", "br-int", "virtio"), store);
        guests = new GuestControl(libvirt, store, specs, Duration.ofSeconds(2));
        configDrives = new ConfigDriveWriter(store, ListingIso.genisoimageInstalled()
                ? new Genisoimage("genisoimage") : new ListingIso());
        baseImage = images.add(ImageServerStub.qcow2(dir.resolve("scratch"), "64M"), "qcow2");
    }

    /** The fixture's qcow2 base image as a spawn carries it. */
    public Commands.Image image() {
        return images.image(baseImage, Map.of());
    }

    public static Commands.Flavor flavor(String name, int vcpus, int memoryMb, int rootGb, Map<String, String> specs) {
        return new Commands.Flavor("flavor-" + name, name, vcpus, memoryMb, rootGb, 0, 0, specs);
    }

    /** m1.small with the full resource policy of the issue: CPU shares and cap, memory limits, disk IOPS, bandwidth. */
    public static Commands.Flavor policyFlavor() {
        return flavor("m1.policy", 2, 2048, 1, Map.ofEntries(
                Map.entry("quota:cpu_shares", "2048"),
                Map.entry("quota:cpu_period", "100000"),
                Map.entry("quota:cpu_quota", "50000"),
                Map.entry("quota:memory_limit", "3072"),
                Map.entry("quota:memory_reservation", "1024"),
                Map.entry("quota:disk_read_iops_sec", "500"),
                Map.entry("quota:disk_write_iops_sec", "300"),
                Map.entry("quota:disk_total_bytes_sec", "10485760"),
                Map.entry("quota:vif_inbound_average", "1000"),
                Map.entry("quota:vif_inbound_peak", "2000"),
                Map.entry("quota:vif_inbound_burst", "512"),
                Map.entry("quota:vif_outbound_average", "800"),
                Map.entry("hw:cpu_policy", "shared")));
    }

    public Commands.Spawn spawn(UUID serverId, Commands.Flavor flavor, Commands.Image image) {
        Commands.Port port = new Commands.Port(UUID.randomUUID(), UUID.randomUUID(), "fa:16:3e:12:34:56", 1450,
                List.of("10.0.0.5"));
        return new Commands.Spawn(UUID.randomUUID(), serverId, "project-1", "user-1", "web-" + serverId.toString()
                .substring(0, 4), flavor, image, List.of(port), null, null, Map.of());
    }

    /** The spawn of {@link #spawn(UUID, Commands.Flavor, Commands.Image)} with a config drive of {@code files}. */
    public Commands.Spawn spawnWithConfigDrive(UUID serverId, Map<String, byte[]> files) {
        Commands.Spawn s = spawn(serverId);
        return new Commands.Spawn(s.commandId(), s.serverId(), s.projectId(), s.userId(), s.name(), s.flavor(),
                s.image(), s.ports(), s.keyData(), s.userData(), s.metadata(), Commands.ConfigDrive.of(files));
    }

    public Commands.Spawn spawn(UUID serverId) {
        return spawn(serverId, flavor("m1.tiny", 1, 512, 1, Map.of()), image());
    }

    /** Undefines the server's domain (running or not) and closes the fixture. */
    public void close(UUID serverId) {
        try {
            libvirt.undefine(serverId);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        libvirt.close();
        images.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files; the OS cleans up
        }
    }
}
