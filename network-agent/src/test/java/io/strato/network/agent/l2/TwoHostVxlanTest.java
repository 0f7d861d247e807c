package io.strato.network.agent.l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.network.agent.host.Link;
import io.strato.network.agent.host.Sh;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.plan.HostPlanner;
import io.strato.network.agent.state.ClusterState;
import io.strato.network.agent.testbed.Guest;
import io.strato.network.agent.testbed.Ports;
import io.strato.network.agent.testbed.TestHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two hypervisors joined by VXLAN, on this kernel: two network namespaces stand for the hosts, joined by an
 * underlay veth (192.0.2.1 and 192.0.2.2), each running the agent's real bridges, VXLAN devices, nftables and
 * dnsmasq inside itself, with guest namespaces on each host's bridges. The flood lists come from the agents'
 * heartbeats ({@link Peers}), the DHCP server of network X runs on host A only, and the security groups of each
 * host admit members of a remote group whose ports are on the other host.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoHostVxlanTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static final String HOST_A = "vx-a-" + TAG;
    static final String HOST_B = "vx-b-" + TAG;
    static final String TUNNEL_A = "192.0.2.1";
    static final String TUNNEL_B = "192.0.2.2";
    static final int VNI_X = 4101;
    static final int VNI_Y = 4102;

    static final UUID NET_X = UUID.randomUUID();
    static final UUID NET_Y = UUID.randomUUID();
    static final UUID SUBNET_X = UUID.randomUUID();
    static final UUID SUBNET_Y = UUID.randomUUID();
    static final UUID WEB = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    // both networks use the same addresses' subnet: only the VNI keeps them apart
    static final PortInfo A_X = Ports.guest(UUID.randomUUID(), NET_X, SUBNET_X, "fa:16:3e:5a:00:01", "10.90.0.11",
            List.of(WEB), HOST_A);
    static final PortInfo B_X = Ports.guest(UUID.randomUUID(), NET_X, SUBNET_X, "fa:16:3e:5a:00:02", "10.90.0.12",
            List.of(WEB), HOST_B);
    static final PortInfo B_X_STRANGER = Ports.guest(UUID.randomUUID(), NET_X, SUBNET_X, "fa:16:3e:5a:00:03",
            "10.90.0.13", List.of(OTHER), HOST_B);
    static final PortInfo A_Y = Ports.guest(UUID.randomUUID(), NET_Y, SUBNET_Y, "fa:16:3e:5a:00:04", "10.90.0.14",
            List.of(WEB), HOST_A);
    static final PortInfo B_Y = Ports.guest(UUID.randomUUID(), NET_Y, SUBNET_Y, "fa:16:3e:5a:00:05", "10.90.0.15",
            List.of(WEB), HOST_B);
    static final PortInfo DHCP_X = Ports.dhcp(UUID.randomUUID(), NET_X, SUBNET_X, "fa:16:3e:5a:00:fe", "10.90.0.2",
            HOST_A);

    static final MovableClock clock = new MovableClock();
    static final Peers peersOfA = new Peers(List.of(), Duration.ofSeconds(60), clock);
    static final Peers peersOfB = new Peers(List.of(), Duration.ofSeconds(60), clock);
    static ClusterState state;
    static TestHost a;
    static TestHost b;
    static Guest ax;
    static Guest bx;
    static Guest bxStranger;
    static Guest ay;
    static Guest by;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking(), "needs root, ip, nft, dnsmasq and busybox (.ci/run installs them)");
        state = new ClusterState();
        state.replaceAll(
                List.of(new NetworkInfo(NET_X, "vxlan", VNI_X, null, 1450, true, 1),
                        new NetworkInfo(NET_Y, "vxlan", VNI_Y, null, 1450, true, 1)),
                List.of(new SubnetInfo(SUBNET_X, NET_X, 4, "10.90.0.0/24", null, true, List.of(), List.of(), null, null, 1),
                        new SubnetInfo(SUBNET_Y, NET_Y, 4, "10.90.0.0/24", null, false, List.of(), List.of(), null, null,
                                1)),
                List.of(A_X, B_X, B_X_STRANGER, A_Y, B_Y, DHCP_X),
                List.of(new SecurityGroupInfo(WEB, true, 1), new SecurityGroupInfo(OTHER, true, 1)),
                List.of(new RuleInfo(UUID.randomUUID(), WEB, "egress", "IPv4", null, null, null, null, null),
                        new RuleInfo(UUID.randomUUID(), WEB, "ingress", "IPv4", "icmp", null, null, null, WEB),
                        new RuleInfo(UUID.randomUUID(), OTHER, "egress", "IPv4", null, null, null, null, null)));
        try {
            a = TestHost.start(HOST_A, "hv" + TAG + "a", TUNNEL_A, peersOfA::tunnelAddresses, state::snapshot);
            b = TestHost.start(HOST_B, "hv" + TAG + "b", TUNNEL_B, peersOfB::tunnelAddresses, state::snapshot);
            TestHost.cable(a, b);
            a.reconcile();
            b.reconcile();
            ax = plug(a, A_X);
            bx = plug(b, B_X);
            bxStranger = plug(b, B_X_STRANGER);
            ay = plug(a, A_Y);
            by = plug(b, B_Y);
        } catch (Exception | AssertionError e) {
            tearDown();
            throw e;
        }
    }

    static Guest plug(TestHost host, PortInfo p) {
        Guest g = host.plug("vm" + TAG + p.macAddress().substring(15), p.tapName(), p.macAddress(),
                HostPlanner.bridgeName(p.networkId()));
        g.address(p.fixedIps().get(0).ipAddress() + "/24");
        return g;
    }

    @AfterAll
    static void tearDown() {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            if (a != null) {
                a.close();
            }
        }
    }

    @Test
    @Order(1)
    void eachHostHasTheNetworksVxlanOnItsTunnelAddressAndFloodsNowhereBeforeAHeartbeat() {
        for (TestHost h : List.of(a, b)) {
            Link vx = h.ip.links(null).get("vxlan-" + VNI_X);
            assertEquals(VNI_X, vx.vni(), "the network's segmentation id is the VNI");
            assertEquals(HostPlanner.bridgeName(NET_X), vx.master());
            String details = h.run("ip", "-d", "link", "show", "vxlan-" + VNI_X).text();
            assertTrue(details.contains("local " + (h == a ? TUNNEL_A : TUNNEL_B)), details);
            assertEquals(Set.of(), h.ip.floodList("vxlan-" + VNI_X), "no peer heard yet");
        }
        assertTrue(ax.cannotReach("10.90.0.12"), "with nowhere to flood, the other host is out of reach");
    }

    @Test
    @Order(2)
    void heartbeatsFillTheFloodListsAndGuestsOnTwoHostsTalkOverTheirNetworksVni() {
        peersOfA.heard(HOST_B, TUNNEL_B);
        peersOfB.heard(HOST_A, TUNNEL_A);
        a.reconcile();
        b.reconcile();
        assertEquals(Set.of(TUNNEL_B), a.ip.floodList("vxlan-" + VNI_X));
        assertEquals(Set.of(TUNNEL_A), b.ip.floodList("vxlan-" + VNI_Y));
        ax.reaches("10.90.0.12");
        bx.reaches("10.90.0.11");
        ay.reaches("10.90.0.15");
    }

    @Test
    @Order(3)
    void anotherNetworksVniIsIsolatedThoughItsAddressesShareTheSubnet() {
        ay.reaches("10.90.0.15");
        assertTrue(ax.cannotReach("10.90.0.15"), "B_Y is on VNI " + VNI_Y + ", A_X on VNI " + VNI_X);
        assertTrue(ay.cannotReach("10.90.0.12"), "B_X is on VNI " + VNI_X + ", A_Y on VNI " + VNI_Y);
    }

    @Test
    @Order(4)
    void aGuestOnHostBGetsItsAddressFromHostAsDnsmasqThroughTheTunnel() {
        bx.flushAddresses();
        String lease = bx.dhcpLease(b.stateDir);
        assertTrue(lease.startsWith("ip=10.90.0.12 mask=24 mtu=1450"), lease);
        bx.reaches("10.90.0.11");
    }

    @Test
    @Order(5)
    void aRemoteGroupAdmitsItsMembersOnTheOtherHostAndNoOneElse() {
        bx.reaches("10.90.0.11");
        assertTrue(bxStranger.cannotReach("10.90.0.11"), "10.90.0.13 is not in WEB: host A drops its ping");
        bxStranger.reaches("10.90.0.2");
        // the stranger joins WEB: host A learns it from the state and admits it
        state.putPort(Ports.withGroups(B_X_STRANGER, List.of(WEB)));
        a.reconcile();
        b.reconcile();
        bxStranger.reaches("10.90.0.11");
    }

    @Test
    @Order(6)
    void aPeerWhoseHeartbeatsStopIsNoLongerFloodedTo() {
        clock.advance(Duration.ofSeconds(61));
        peersOfB.heard(HOST_A, TUNNEL_A);
        a.reconcile();
        b.reconcile();
        assertEquals(Set.of(), a.ip.floodList("vxlan-" + VNI_X), "host B has been silent for 61 s");
        assertEquals(Set.of(TUNNEL_A), b.ip.floodList("vxlan-" + VNI_X));
        assertTrue(ax.cannotReach("10.90.0.12"));
    }

    /** A clock the test moves: heartbeats age without waiting for them. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
