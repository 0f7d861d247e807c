package io.strato.compute.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.handlers.SpawnHandler;
import io.strato.compute.agent.host.SimulatedHostRestore;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.agent.testing.SimulatedHost;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * libvirt-java 0.5.2 over JNA 5.14 and Debian's libvirt0: the calls the agent makes work (libvirt-java
 * declares JNA up to 5.5.0; these tests are the evidence that the newer JNA is fine).
 */
class LibvirtHostTest {

    final AgentFixture fx = new AgentFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void inventoryComesFromTheHostXml() {
        NodeInventory node = fx.libvirt.inventory();
        assertEquals(SimulatedHost.CPUS, node.cpus());
        assertEquals("x86_64", node.arch());
        assertEquals(SimulatedHost.MEMORY_KIB, node.memoryKiB());
        assertEquals("TEST", node.hypervisorType());
        assertTrue(node.hypervisorVersion() > 0);
        assertTrue(fx.libvirt.simulated());
        assertTrue(fx.libvirt.connected());
        assertEquals("i686", fx.libvirt.guestArch("test"), "the test driver runs i686 guests only");
    }

    @Test
    void aMissingDomainIsEmptyNotAnError() {
        UUID id = UUID.randomUUID();
        assertEquals(Optional.empty(), fx.libvirt.domain(id));
        assertEquals(Optional.empty(), fx.libvirt.definition(id));
        assertFalse(fx.libvirt.undefine(id));
        LibvirtFailure e = assertThrows(LibvirtFailure.class, () -> fx.libvirt.start(id));
        assertTrue(e.noDomain(), e.code());
    }

    @Test
    void onlyInstanceDomainsAreTheAgents() {
        UUID id = UUID.randomUUID();
        fx.libvirt.define("<domain type='test'><name>not-ours</name><memory>1024</memory>"
                + "<os><type>hvm</type></os></domain>");
        fx.libvirt.define("<domain type='test'><name>" + InstanceName.of(id) + "</name><uuid>" + id + "</uuid>"
                + "<memory>1024</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>");
        List<DomainStatus> domains = fx.libvirt.domains();
        assertEquals(1, domains.size());
        assertEquals(new DomainStatus(id, InstanceName.of(id), DomainPower.SHUTOFF, 2, 1024), domains.get(0));
        assertEquals(DomainPower.RUNNING, fx.libvirt.start(id));
        assertEquals(DomainPower.RUNNING, fx.libvirt.start(id), "starting a running domain is fine");
    }

    @Test
    void instanceNamesRoundTrip() {
        UUID id = UUID.randomUUID();
        assertEquals(Optional.of(id), InstanceName.serverId(InstanceName.of(id)));
        assertEquals(Optional.empty(), InstanceName.serverId("instance-0000002a"));
        assertEquals(Optional.empty(), InstanceName.serverId("instance-" + id.toString().toUpperCase()));
        assertEquals(Optional.empty(), InstanceName.serverId(null));
    }

    @Test
    void aSimulatedHostsDomainsComeBackAfterARestart() {
        UUID running = UUID.randomUUID();
        UUID stopped = UUID.randomUUID();
        SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
        assertTrue(spawn.handle(fx.spawn(running)).success());
        assertTrue(spawn.handle(fx.spawn(stopped)).success());
        new io.strato.compute.agent.handlers.StopHandler(fx.guests)
                .handle(new io.strato.compute.protocol.Commands.Stop(UUID.randomUUID(), stopped));

        // a second connection to the same host file is a fresh copy: what a restarted agent sees
        try (LibvirtHost restarted = new LibvirtHost(fx.libvirt.uri(), true)) {
            assertEquals(List.of(), restarted.domains());
            assertEquals(2, SimulatedHostRestore.restore(restarted, fx.store));
            assertEquals(DomainPower.RUNNING, restarted.domain(running).orElseThrow().power());
            assertEquals(DomainPower.SHUTOFF, restarted.domain(stopped).orElseThrow().power());
            assertEquals(0, SimulatedHostRestore.restore(restarted, fx.store), "restoring twice adds nothing");
        }
    }
}
