package io.strato.compute.agent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.Xml;
import io.strato.compute.protocol.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain XML built from a flavor, its resource policy, an image and ports (no libvirt needed). */
class DomainXmlTest {

    @TempDir
    Path tmp;
    InstanceStore store;
    DomainSpecs specs;
    final UUID serverId = UUID.fromString("6c1f8a4e-1111-4000-8000-000000000001");
    final UUID portId = UUID.fromString("0f3c2b1a-2222-4000-8000-000000000002");

    @BeforeEach
    void setUp() {
        store = new InstanceStore(tmp);
        specs = new DomainSpecs(() -> new GuestPlatform(DomainType.KVM, "x86_64", Optional.of("q35")),
                new DomainSpecs.Plugging("ethernet", "br-int", "virtio"), store);
    }

    InstanceRecord instance(Map<String, String> imageProperties, boolean directBoot) {
        Commands.Image image = new Commands.Image(UUID.randomUUID(), "abc", "qcow2", "bare", 1L, imageProperties);
        Commands.Port port = new Commands.Port(portId, UUID.randomUUID(), "fa:16:3e:aa:bb:cc", 1450,
                List.of("10.0.0.5", "fd00::5"));
        return new InstanceRecord(serverId, "web <01> & co", "project-1", "user-1", AgentFixture.policyFlavor(), image,
                List.of(port), directBoot, "root=/dev/vda console=ttyS0", ExpectedPower.RUNNING, null,
                Instant.parse("2025-01-02T03:04:05Z"), List.of(), false);
    }

    Xml render(InstanceRecord r, Commands.Flavor f) {
        return Xml.parse(DomainXml.render(specs.build(r, f)));
    }

    @Test
    void identityTypeAndSize() {
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals("kvm", xml.text("/domain/@type"));
        assertEquals("instance-" + serverId, xml.text("/domain/name"));
        assertEquals(serverId.toString(), xml.text("/domain/uuid"));
        assertEquals("2", xml.text("/domain/vcpu"));
        assertEquals("2048", xml.text("/domain/memory"));
        assertEquals("MiB", xml.text("/domain/memory/@unit"));
        assertEquals("x86_64", xml.text("/domain/os/type/@arch"));
        assertEquals("q35", xml.text("/domain/os/type/@machine"));
        assertEquals("hd", xml.text("/domain/os/boot/@dev"));
        assertEquals(0, xml.count("/domain/os/kernel"));
    }

    @Test
    void cpuAndMemoryTuneFromExtraSpecs() {
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals("2048", xml.text("/domain/cputune/shares"));
        assertEquals("100000", xml.text("/domain/cputune/period"));
        assertEquals("50000", xml.text("/domain/cputune/quota"));
        assertEquals(String.valueOf(3072 * 1024), xml.text("/domain/memtune/hard_limit"));
        assertEquals("KiB", xml.text("/domain/memtune/hard_limit/@unit"));
        assertEquals(String.valueOf(1024 * 1024), xml.text("/domain/memtune/soft_limit"));
        assertEquals(0, xml.count("/domain/memtune/swap_hard_limit"));
    }

    @Test
    void diskIsTheOverlayWithIoTune() {
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals(store.disk(serverId).toString(), xml.text("/domain/devices/disk/source/@file"));
        assertEquals("qcow2", xml.text("/domain/devices/disk/driver/@type"));
        assertEquals("vda", xml.text("/domain/devices/disk/target/@dev"));
        assertEquals("500", xml.text("/domain/devices/disk/iotune/read_iops_sec"));
        assertEquals("300", xml.text("/domain/devices/disk/iotune/write_iops_sec"));
        assertEquals("10485760", xml.text("/domain/devices/disk/iotune/total_bytes_sec"));
        assertEquals(3, xml.count("/domain/devices/disk/iotune/*"));
    }

    @Test
    void interfaceCarriesMacMtuTapAndBandwidth() {
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals("ethernet", xml.text("/domain/devices/interface/@type"));
        assertEquals("fa:16:3e:aa:bb:cc", xml.text("/domain/devices/interface/mac/@address"));
        assertEquals("1450", xml.text("/domain/devices/interface/mtu/@size"));
        assertEquals("tap0f3c2b1a-22", xml.text("/domain/devices/interface/target/@dev"));
        assertEquals("virtio", xml.text("/domain/devices/interface/model/@type"));
        assertEquals("1000", xml.text("/domain/devices/interface/bandwidth/inbound/@average"));
        assertEquals("2000", xml.text("/domain/devices/interface/bandwidth/inbound/@peak"));
        assertEquals("512", xml.text("/domain/devices/interface/bandwidth/inbound/@burst"));
        assertEquals("800", xml.text("/domain/devices/interface/bandwidth/outbound/@average"));
        assertEquals("", xml.text("/domain/devices/interface/bandwidth/outbound/@peak"));
        assertEquals(0, xml.count("/domain/devices/interface/source"));
    }

    @Test
    void bridgePluggingNamesTheBridge() {
        specs = new DomainSpecs(() -> new GuestPlatform(DomainType.QEMU, "x86_64", Optional.empty()),
                new DomainSpecs.Plugging("bridge", "br-test", "e1000"), store);
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals("qemu", xml.text("/domain/@type"));
        assertEquals("bridge", xml.text("/domain/devices/interface/@type"));
        assertEquals("br-test", xml.text("/domain/devices/interface/source/@bridge"));
        assertEquals("e1000", xml.text("/domain/devices/interface/model/@type"));
        assertEquals("", xml.text("/domain/os/type/@machine"));
    }

    @Test
    void networkBridgePluggingPutsEachTapOnItsNetworksBridge() {
        DomainSpecs.Plugging plugging = new DomainSpecs.Plugging("network-bridge", "br-int", "virtio");
        UUID net = UUID.fromString("5f3c2b1a-9d80-4e2b-8c1d-000000000001");
        assertEquals("brq5f3c2b1a-9d", plugging.bridgeOf(new Commands.Port(UUID.randomUUID(), net, "fa:16:3e:00:00:01",
                1450, List.of("10.0.0.5"))), "Neutron's name when the binding gave none");
        assertEquals("brqfrombind", plugging.bridgeOf(new Commands.Port(UUID.randomUUID(), net, "fa:16:3e:00:00:01",
                1450, List.of("10.0.0.5"), "brqfrombind")), "the binding's bridge_name wins");
        specs = new DomainSpecs(() -> new GuestPlatform(DomainType.QEMU, "x86_64", Optional.empty()), plugging, store);
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals("bridge", xml.text("/domain/devices/interface/@type"));
        assertTrue(xml.text("/domain/devices/interface/source/@bridge").startsWith("brq"));
        assertEquals("1450", xml.text("/domain/devices/interface/mtu/@size"));
    }

    @Test
    void consoleLogIsAFileInTheInstanceDirectory() {
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals("file", xml.text("/domain/devices/serial/@type"));
        assertEquals(store.consoleLog(serverId).toString(), xml.text("/domain/devices/serial/source/@path"));
        assertEquals("on", xml.text("/domain/devices/serial/source/@append"));
    }

    @Test
    void metadataNamesServerProjectFlavorImageAndPortsEscaped() {
        InstanceRecord r = instance(Map.of(), false);
        String raw = DomainXml.render(specs.build(r, AgentFixture.policyFlavor()));
        assertTrue(raw.contains("web &lt;01&gt; &amp; co"), raw);
        Xml xml = Xml.parse(raw);
        String m = "/domain/metadata/*[local-name()='instance']";
        assertEquals(DomainXml.METADATA_NS, xml.text("namespace-uri(" + m + ")"));
        assertEquals("web <01> & co", xml.text(m + "/*[local-name()='name']"));
        assertEquals("2025-01-02T03:04:05Z", xml.text(m + "/*[local-name()='creationTime']"));
        assertEquals("m1.policy", xml.text(m + "/*[local-name()='flavor']/@name"));
        assertEquals("2048", xml.text(m + "/*[local-name()='flavor']/*[local-name()='memory']"));
        assertEquals("project-1", xml.text(m + "/*[local-name()='owner']/*[local-name()='project']/@uuid"));
        assertEquals("user-1", xml.text(m + "/*[local-name()='owner']/*[local-name()='user']/@uuid"));
        assertEquals(r.image().id().toString(), xml.text(m + "/*[local-name()='root']/@uuid"));
        assertEquals(portId.toString(), xml.text(m + "/*[local-name()='ports']/*[local-name()='port']/@uuid"));
        assertEquals(2, xml.count(m + "/*[local-name()='ports']/*/*[local-name()='ip']"));
    }

    @Test
    void directBootUsesKernelRamdiskAndCommandLine() throws Exception {
        Files.createDirectories(store.dir(serverId));
        Files.writeString(store.ramdisk(serverId), "initrd");
        Xml xml = render(instance(Map.of("kernel_id", "k"), true), AgentFixture.policyFlavor());
        assertEquals(store.kernel(serverId).toString(), xml.text("/domain/os/kernel"));
        assertEquals(store.ramdisk(serverId).toString(), xml.text("/domain/os/initrd"));
        assertEquals("root=/dev/vda console=ttyS0", xml.text("/domain/os/cmdline"));
        assertEquals(0, xml.count("/domain/os/boot"));
    }

    @Test
    void flavorWithoutPolicyHasNoTuneElements() {
        Commands.Flavor plain = AgentFixture.flavor("m1.small", 1, 2048, 20, null);
        Xml xml = render(instance(Map.of(), false), plain);
        assertEquals(0, xml.count("/domain/cputune"));
        assertEquals(0, xml.count("/domain/memtune"));
        assertEquals(0, xml.count("//iotune"));
        assertEquals(0, xml.count("//bandwidth"));
        assertEquals("1", xml.text("/domain/vcpu"));
        assertFalse(DomainXml.render(specs.build(instance(Map.of(), false), plain)).contains("null"));
    }

    InstanceRecord withConfigDrive() {
        InstanceRecord r = instance(Map.of(), false);
        return new InstanceRecord(r.serverId(), r.name(), r.projectId(), r.userId(), r.flavor(), r.image(), r.ports(),
                false, r.cmdline(), r.expected(), null, r.createdAt(), List.of(), true);
    }

    Xml renderOn(GuestPlatform platform, InstanceRecord r) {
        return Xml.parse(DomainXml.render(new DomainSpecs(() -> platform,
                new DomainSpecs.Plugging("ethernet", "br-int", "virtio"), store).build(r, r.flavor())));
    }

    @Test
    void aConfigDriveIsAReadOnlyIdeCdromOnThePcMachine() {
        for (Optional<String> machine : List.of(Optional.<String>empty(), Optional.of("pc"),
                Optional.of("pc-i440fx-8.2"))) {
            Xml xml = renderOn(new GuestPlatform(DomainType.QEMU, "x86_64", machine), withConfigDrive());
            String cd = "/domain/devices/disk[@device='cdrom']";
            assertEquals(store.configDrive(serverId).toString(), xml.text(cd + "/source/@file"), machine.toString());
            assertEquals("ide", xml.text(cd + "/target/@bus"), machine.toString());
            assertEquals("hdd", xml.text(cd + "/target/@dev"));
            assertEquals("raw", xml.text(cd + "/driver/@type"));
            assertEquals(1, xml.count(cd + "/readonly"));
            assertEquals(0, xml.count("/domain/devices/controller"));
            assertEquals("vda", xml.text("/domain/devices/disk[@device='disk']/target/@dev"), "the root disk stays vda");
        }
    }

    @Test
    void onQ35TheConfigDriveIsAVirtioScsiCdromSinceSmallGuestKernelsHaveNoAhci() {
        Xml xml = render(withConfigDrive(), AgentFixture.policyFlavor()); // this test's platform: kvm, q35
        String cd = "/domain/devices/disk[@device='cdrom']";
        assertEquals("scsi", xml.text(cd + "/target/@bus"));
        assertEquals("virtio-scsi", xml.text("/domain/devices/controller[@type='scsi']/@model"));
        assertEquals(1, xml.count(cd + "/readonly"));
        assertEquals(ConfigDriveBus.SCSI, ConfigDriveBus.of("x86_64", Optional.of("pc-q35-8.2")));
        assertEquals(ConfigDriveBus.SCSI, ConfigDriveBus.of("aarch64", Optional.empty()), "arm's virt machine has no IDE");
    }

    @Test
    void withoutAConfigDriveThereIsNoCdrom() {
        Xml xml = render(instance(Map.of(), false), AgentFixture.policyFlavor());
        assertEquals(0, xml.count("/domain/devices/disk[@device='cdrom']"));
        assertEquals(0, xml.count("/domain/devices/controller"));
    }
}
