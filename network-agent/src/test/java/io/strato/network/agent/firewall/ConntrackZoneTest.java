package io.strato.network.agent.firewall;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two networks on one host with the same subnet and the same addresses (two tenants' 10.65.0.0/24): A1 sends a UDP
 * datagram to A2 on network A, which conntrack remembers; B2 on network B then sends from A2's address and port to
 * A1's, exactly the reply that connection expects, to B1, whose groups admit no ingress at all. With a conntrack
 * zone per network it is a new packet of network B and dropped; with one shared conntrack (the last test takes the
 * zones away by hand) it is "established" and B1 receives it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConntrackZoneTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static final String HOST = "ctz-" + TAG;
    static final UUID NET_A = UUID.randomUUID();
    static final UUID NET_B = UUID.randomUUID();
    static final UUID SUBNET_A = UUID.randomUUID();
    static final UUID SUBNET_B = UUID.randomUUID();
    static final UUID OUT = UUID.randomUUID();
    static final UUID UDP_IN = UUID.randomUUID();
    static final PortInfo A1 = Ports.guest(UUID.randomUUID(), NET_A, SUBNET_A, "fa:16:3e:52:0a:11", "10.65.0.11",
            List.of(OUT), HOST);
    static final PortInfo A2 = Ports.guest(UUID.randomUUID(), NET_A, SUBNET_A, "fa:16:3e:52:0a:12", "10.65.0.12",
            List.of(OUT, UDP_IN), HOST);
    static final PortInfo B1 = Ports.guest(UUID.randomUUID(), NET_B, SUBNET_B, "fa:16:3e:52:0b:11", "10.65.0.11",
            List.of(OUT), HOST);
    static final PortInfo B2 = Ports.guest(UUID.randomUUID(), NET_B, SUBNET_B, "fa:16:3e:52:0b:12", "10.65.0.12",
            List.of(OUT), HOST);

    static ClusterState state;
    static TestHost host;
    static Guest a1;
    static Guest a2;
    static Guest b1;
    static Guest b2;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking() && Sh.run("sh", "-c", "command -v python3").ok(),
                "needs root, ip, nft, dnsmasq, busybox and python3 (.ci/run installs them)");
        state = new ClusterState();
        state.replaceAll(
                List.of(new NetworkInfo(NET_A, "local", null, null, 1500, true, 1),
                        new NetworkInfo(NET_B, "local", null, null, 1500, true, 1)),
                List.of(new SubnetInfo(SUBNET_A, NET_A, 4, "10.65.0.0/24", null, false, List.of(), List.of(), null, null, 1),
                        new SubnetInfo(SUBNET_B, NET_B, 4, "10.65.0.0/24", null, false, List.of(), List.of(), null, null, 1)),
                List.of(A1, A2, B1, B2),
                List.of(new SecurityGroupInfo(OUT, true, 1), new SecurityGroupInfo(UDP_IN, true, 1)),
                List.of(new RuleInfo(UUID.randomUUID(), OUT, "egress", "IPv4", null, null, null, null, null),
                        new RuleInfo(UUID.randomUUID(), UDP_IN, "ingress", "IPv4", "udp", 6000, 6000, null, null)));
        try {
            host = TestHost.start(HOST, "hv" + TAG, "127.0.0.1", Set::of, state::snapshot);
            host.reconcile();
            a1 = plug(A1, "a1");
            a2 = plug(A2, "a2");
            b1 = plug(B1, "b1");
            b2 = plug(B2, "b2");
            // static neighbours: no ARP between a datagram and the verdict on it
            neighbour(a1, A2);
            neighbour(b2, B1);
            // each receiver counts what reaches it
            a2.countInput("udp dport 6000");
            b1.countInput("udp dport 5000");
        } catch (Exception | AssertionError e) {
            tearDown();
            throw e;
        }
    }

    @AfterAll
    static void tearDown() {
        if (host != null) {
            host.close();
        }
    }

    static Guest plug(PortInfo p, String name) {
        Guest g = host.plug("ct" + TAG + name, p.tapName(), p.macAddress(), HostPlanner.bridgeName(p.networkId()));
        g.address(p.fixedIps().get(0).ipAddress() + "/24");
        return g;
    }

    static void neighbour(Guest g, PortInfo to) {
        TestHost.check(Sh.run("ip", "-n", g.namespace(), "neigh", "replace", to.fixedIps().get(0).ipAddress(), "lladdr",
                to.macAddress(), "dev", "eth0", "nud", "permanent"));
    }

    /** A UDP datagram from {@code from}'s 10.65.0.N:fromPort to {@code to}:toPort. */
    static void udp(Guest from, String source, int fromPort, String to, int toPort) {
        TestHost.check(Sh.run("ip", "netns", "exec", from.namespace(), "python3", "-c",
                "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); "
                        + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('" + source + "', " + fromPort
                        + ")); s.sendto(b'x', ('" + to + "', " + toPort + "))"));
    }

    /** How many datagrams for port 5000 or 6000 reached the guest. */
    static long received(Guest g) {
        return g.inputCounts().get(0);
    }

    /** A1 opens a connection to A2 on network A; B2 answers it on network B, from the same addresses and ports. */
    static long forgedRepliesReachingB1() {
        long before = received(a2);
        udp(a1, "10.65.0.11", 5000, "10.65.0.12", 6000);
        await("A1's datagram reaches A2").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> received(a2) > before);
        long atB1 = received(b1);
        for (int i = 0; i < 3; i++) {
            udp(b2, "10.65.0.12", 6000, "10.65.0.11", 5000);
        }
        return atB1;
    }

    @Test
    @Order(1)
    void aConnectionOnOneNetworkAdmitsNoReplyOnTheOtherThoughTheAddressesAreTheSame() {
        long atB1 = forgedRepliesReachingB1();
        await("B2's datagrams have had time to arrive").pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertEquals(atB1, received(b1), "B1's groups admit no ingress: B2's datagram is new in network B's zone");
    }

    @Test
    @Order(2)
    void eachNetworkHasItsOwnZoneAndKeepsItAcrossTheAgentsRestart() {
        String zones = host.run("nft", "list", "map", "inet", TestHost.TABLE, "network_zones").text();
        Matcher m = Pattern.compile("\"(brq[^\"]+)\" : (\\d+)").matcher(zones);
        java.util.Map<String, String> byBridge = new java.util.TreeMap<>();
        while (m.find()) {
            byBridge.put(m.group(1), m.group(2));
        }
        assertEquals(Set.of(HostPlanner.bridgeName(NET_A), HostPlanner.bridgeName(NET_B)), byBridge.keySet(), zones);
        assertNotEquals(byBridge.get(HostPlanner.bridgeName(NET_A)), byBridge.get(HostPlanner.bridgeName(NET_B)));

        host.restartAgent();
        host.reconcile();
        assertEquals(zones, host.run("nft", "list", "map", "inet", TestHost.TABLE, "network_zones").text(),
                "the restarted agent rewrote its tables with the same zones");
        aConnectionOnOneNetworkAdmitsNoReplyOnTheOtherThoughTheAddressesAreTheSame();
    }

    @Test
    @Order(3)
    void withoutZonesTheSameReplyIsAdmitted() {
        TestHost.check(host.run("nft", "flush", "map", "inet", TestHost.TABLE, "network_zones"));
        long atB1 = forgedRepliesReachingB1();
        await("B2's forged reply reaches B1 through A's connection").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100)).until(() -> received(b1) > atB1);
        assertTrue(received(b1) > atB1);
    }
}
