package io.strato.network.agent.l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.network.agent.host.Sh;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.plan.HostPlanner;
import io.strato.network.agent.state.ClusterState;
import io.strato.network.agent.testbed.Guest;
import io.strato.network.agent.testbed.Ports;
import io.strato.network.agent.testbed.TestHost;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bridge that the compute agent made before the network agent (libvirt refuses to plug into a missing bridge,
 * so it makes {@code brq<network>} itself, as os-vif does) is adopted when the plan wants it, and so removed when
 * its network leaves the host; bridges of other names, and {@code brq} bridges the plan does not want, are never
 * the agent's.
 */
class BridgeAdoptionTest {

    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final String hostName = "adopt-" + tag;
    final UUID net = UUID.randomUUID();
    final UUID otherNet = UUID.randomUUID();
    final PortInfo port = Ports.guest(UUID.randomUUID(), net, UUID.randomUUID(), "fa:16:3e:ad:00:01", "10.65.0.11",
            List.of(), hostName);
    final ClusterState state = new ClusterState();
    TestHost host;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking(), "needs root, ip, nft, dnsmasq and busybox (.ci/run installs them)");
        state.replaceAll(List.of(new NetworkInfo(net, "vxlan", 5201, null, 1450, true, 1)), List.of(), List.of(port),
                List.of(), List.of());
        host = TestHost.start(hostName, "hv" + tag, "127.0.0.1", Set::of, state::snapshot);
    }

    @AfterEach
    void tearDown() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aBrqBridgeTheComputeAgentMadeFirstIsAdoptedAndRemovedWithItsNetwork() {
        String bridge = HostPlanner.bridgeName(net);
        String stranger = HostPlanner.bridgeName(otherNet);
        for (String b : List.of(bridge, stranger, "br-operator")) {
            TestHost.check(host.run("ip", "link", "add", b, "type", "bridge"));
        }
        Guest guest = host.plug("vm" + tag, port.tapName(), port.macAddress(), bridge);

        host.reconcile();
        assertTrue(ledger().contains(bridge), "adopted: " + ledger());
        assertFalse(ledger().contains(stranger), "a brq bridge the plan does not want is not the agent's");
        assertEquals(bridge, host.ip.links(null).get("vxlan-5201").master(), "the agent completes it with its uplink");

        // the server is deleted: compute removes its tap, network-service its port
        host.unplug(guest);
        state.removePort(port.id(), 2);
        host.reconcile();
        Set<String> links = host.ip.links(null).keySet();
        assertFalse(links.contains(bridge), "the adopted bridge leaves with its network");
        assertFalse(links.contains("vxlan-5201"));
        assertTrue(links.contains(stranger), "never the agent's: left alone");
        assertTrue(links.contains("br-operator"));
        assertEquals(Set.of(), ledger());
    }

    Set<String> ledger() {
        return new Ledger(host.stateDir.resolve("devices")).names();
    }
}
