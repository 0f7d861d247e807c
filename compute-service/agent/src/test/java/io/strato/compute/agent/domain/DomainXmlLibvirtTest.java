package io.strato.compute.agent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.libvirt.LibvirtFailure;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.Xml;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The domain XML of a flavor with the whole resource policy is accepted by real libvirt (the test
 * driver, defining with schema validation) and libvirt keeps every policy element: read back from
 * libvirt's own definition, not from the string the agent wrote.
 */
class DomainXmlLibvirtTest {

    final AgentFixture fx = new AgentFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void policyFlavorIsAcceptedAndKeptByLibvirt() {
        UUID id = UUID.randomUUID();
        var spawn = fx.spawn(id, AgentFixture.policyFlavor(), fx.image());
        InstanceRecord r = new InstanceRecord(id, spawn.name(), spawn.projectId(), spawn.userId(), spawn.flavor(),
                spawn.image(), spawn.ports(), false, null, ExpectedPower.RUNNING, null, Instant.now(), List.of(), false);
        fx.libvirt.define(DomainXml.render(fx.specs.build(r, spawn.flavor())));

        Xml xml = Xml.parse(fx.libvirt.definition(id).orElseThrow());
        assertEquals("test", xml.text("/domain/@type"));
        assertEquals(id.toString(), xml.text("/domain/uuid"));
        assertEquals("2", xml.text("/domain/vcpu"));
        assertEquals(String.valueOf(2048 * 1024), xml.text("/domain/memory"));
        assertEquals("2048", xml.text("/domain/cputune/shares"));
        assertEquals("100000", xml.text("/domain/cputune/period"));
        assertEquals("50000", xml.text("/domain/cputune/quota"));
        assertEquals(String.valueOf(3072 * 1024), xml.text("/domain/memtune/hard_limit"));
        assertEquals(String.valueOf(1024 * 1024), xml.text("/domain/memtune/soft_limit"));
        assertEquals("500", xml.text("/domain/devices/disk/iotune/read_iops_sec"));
        assertEquals("300", xml.text("/domain/devices/disk/iotune/write_iops_sec"));
        assertEquals("10485760", xml.text("/domain/devices/disk/iotune/total_bytes_sec"));
        assertEquals("fa:16:3e:12:34:56", xml.text("/domain/devices/interface/mac/@address"));
        assertEquals("1450", xml.text("/domain/devices/interface/mtu/@size"));
        assertEquals("1000", xml.text("/domain/devices/interface/bandwidth/inbound/@average"));
        assertEquals("2000", xml.text("/domain/devices/interface/bandwidth/inbound/@peak"));
        assertEquals("512", xml.text("/domain/devices/interface/bandwidth/inbound/@burst"));
        assertEquals("800", xml.text("/domain/devices/interface/bandwidth/outbound/@average"));
        assertEquals(fx.store.consoleLog(id).toString(), xml.text("/domain/devices/serial/source/@path"));
        assertEquals("on", xml.text("/domain/devices/serial/source/@append"));
        String m = "/domain/metadata/*[local-name()='instance']";
        assertEquals(DomainXml.METADATA_NS, xml.text("namespace-uri(" + m + ")"));
        assertEquals(spawn.name(), xml.text(m + "/*[local-name()='name']"));
        assertEquals("project-1", xml.text(m + "/*[local-name()='owner']/*[local-name()='project']/@uuid"));
        assertEquals("m1.policy", xml.text(m + "/*[local-name()='flavor']/@name"));
    }

    @Test
    void schemaValidationRefusesWhatLibvirtWouldSilentlyDrop() {
        UUID id = UUID.randomUUID();
        var spawn = fx.spawn(id, AgentFixture.policyFlavor(), fx.image());
        InstanceRecord r = new InstanceRecord(id, spawn.name(), spawn.projectId(), spawn.userId(), spawn.flavor(),
                spawn.image(), spawn.ports(), false, null, ExpectedPower.RUNNING, null, Instant.now(), List.of(), false);
        String misspelt = DomainXml.render(fx.specs.build(r, spawn.flavor())).replace("shares>", "sharez>");
        LibvirtFailure e = assertThrows(LibvirtFailure.class, () -> fx.libvirt.define(misspelt));
        assertTrue(e.getMessage().contains("failed to validate against schema"), e.getMessage());
        assertTrue(fx.libvirt.domains().isEmpty());
    }

    @Test
    void aConfigDriveCdromIsAcceptedAndKeptByLibvirt() {
        UUID id = UUID.randomUUID();
        var spawn = fx.spawn(id);
        InstanceRecord r = new InstanceRecord(id, spawn.name(), spawn.projectId(), spawn.userId(), spawn.flavor(),
                spawn.image(), spawn.ports(), false, null, ExpectedPower.RUNNING, null, Instant.now(), List.of(), true);
        fx.libvirt.define(DomainXml.render(fx.specs.build(r, spawn.flavor())));

        Xml xml = Xml.parse(fx.libvirt.definition(id).orElseThrow());
        String cd = "/domain/devices/disk[@device='cdrom']";
        assertEquals(fx.store.configDrive(id).toString(), xml.text(cd + "/source/@file"));
        assertEquals("ide", xml.text(cd + "/target/@bus"));
        assertEquals(1, xml.count(cd + "/readonly"));
    }
}
