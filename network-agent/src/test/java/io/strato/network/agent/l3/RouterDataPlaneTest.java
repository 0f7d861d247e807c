package io.strato.network.agent.l3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.strato.network.agent.host.Sh;
import io.strato.network.agent.model.FloatingIpInfo;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RouterInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.plan.HostPlanner;
import io.strato.network.agent.plan.RouterPlan;
import io.strato.network.agent.state.ClusterState;
import io.strato.network.agent.testbed.Guest;
import io.strato.network.agent.testbed.Ports;
import io.strato.network.agent.testbed.TestHost;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
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
 * Routers on the kernel, with namespaces as the hypervisor, the guests and "the internet" (a namespace on the external
 * network's bridge, at its gateway address 172.31.0.1): SNAT, a floating IP in both directions, its move to another
 * guest, security groups deciding what comes through a floating IP, metadata through the router, two routers with
 * the same tenant subnet, an agent restarted over a half-broken router, an interface removed, and a router deleted
 * while the agent was down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterDataPlaneTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static final String HOST = "l3-" + TAG;
    static final UUID NET = UUID.randomUUID();
    static final UUID SUBNET = UUID.randomUUID();
    static final UUID NET2 = UUID.randomUUID();
    static final UUID SUBNET2 = UUID.randomUUID();
    static final UUID EXT = UUID.randomUUID();
    static final UUID EXT_SUBNET = UUID.randomUUID();
    static final UUID WEB = UUID.randomUUID();
    static final UUID PING = UUID.randomUUID();
    static final UUID R1 = UUID.randomUUID();
    static final UUID R2 = UUID.randomUUID();
    static final UUID FIP = UUID.randomUUID();
    static final UUID FIP2 = UUID.randomUUID();
    static final PortInfo A = Ports.guest(UUID.randomUUID(), NET, SUBNET, "fa:16:3e:91:00:11", "10.91.0.11", List.of(WEB), HOST);
    static final PortInfo B = Ports.guest(UUID.randomUUID(), NET, SUBNET, "fa:16:3e:91:00:12", "10.91.0.12", List.of(WEB), HOST);
    /** On the second tenant network: the same address as A. */
    static final PortInfo C = Ports.guest(UUID.randomUUID(), NET2, SUBNET2, "fa:16:3e:92:00:11", "10.91.0.11", List.of(WEB), HOST);
    static final PortInfo R1_IN = Ports.router(UUID.randomUUID(), R1, false, NET, SUBNET, "fa:16:3e:91:00:01", "10.91.0.1", HOST);
    static final PortInfo R1_GW = Ports.router(UUID.randomUUID(), R1, true, EXT, EXT_SUBNET, "fa:16:3e:31:00:10", "172.31.0.10", HOST);
    static final PortInfo R2_IN = Ports.router(UUID.randomUUID(), R2, false, NET2, SUBNET2, "fa:16:3e:92:00:01", "10.91.0.1", HOST);
    static final PortInfo R2_GW = Ports.router(UUID.randomUUID(), R2, true, EXT, EXT_SUBNET, "fa:16:3e:31:00:11", "172.31.0.11", HOST);

    static ClusterState state;
    static TestHost host;
    static HttpServer compute;
    static Guest a;
    static Guest b;
    static Guest c;
    static Guest internet;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking() && Sh.run("sh", "-c", "command -v busybox").ok(),
                "needs root, ip, nft and busybox (.ci/run installs them)");
        state = new ClusterState();
        state.replaceAll(
                List.of(network(NET), network(NET2), network(EXT)),
                List.of(subnet(SUBNET, NET, "10.91.0.0/24", "10.91.0.1"), subnet(SUBNET2, NET2, "10.91.0.0/24", "10.91.0.1"),
                        subnet(EXT_SUBNET, EXT, "172.31.0.0/24", "172.31.0.1")),
                List.of(A, B, C, R1_IN, R1_GW, R2_IN, R2_GW),
                List.of(new SecurityGroupInfo(WEB, true, 1)),
                List.of(new RuleInfo(UUID.randomUUID(), WEB, "egress", "IPv4", null, null, null, null, null),
                        new RuleInfo(PING, WEB, "ingress", "IPv4", "icmp", null, null, "0.0.0.0/0", null)),
                List.of(new RouterInfo(R1, true, true, List.of(new RouterInfo.Route("10.99.0.0/24", "10.91.0.12")), 1)),
                List.of(new FloatingIpInfo(FIP, "172.31.0.20", R1, A.id(), "10.91.0.11", 1)));
        // compute's metadata API, at the edge of what is tested here: it answers with the instance it was told
        compute = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        compute.createContext("/", exchange -> {
            byte[] body = ("instance " + exchange.getRequestHeaders().getFirst("X-Instance-ID")).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        compute.start();
        try {
            host = TestHost.start(HOST, "hv" + TAG, "127.0.0.1", Set::of, state::snapshot);
            host.restartAgent("http://127.0.0.1:" + compute.getAddress().getPort());
            host.reconcile();
            a = plug(A, "a");
            b = plug(B, "b");
            c = plug(C, "c");
            internet = host.plug("l3" + TAG + "x", "tapx" + TAG, "fa:16:3e:31:00:01", HostPlanner.bridgeName(EXT));
            internet.address("172.31.0.1/24");
            internet.countInput("ip saddr 172.31.0.10 icmp type echo-request", "ip saddr 10.91.0.11 icmp type echo-request",
                    "ip saddr 172.31.0.20 icmp type echo-request");
            for (Guest g : List.of(a, b, c)) {
                g.countInput("ip saddr 172.31.0.1 icmp type echo-request");
            }
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
        if (compute != null) {
            compute.stop(0);
        }
    }

    static NetworkInfo network(UUID id) {
        return new NetworkInfo(id, "local", null, null, 1500, true, 1);
    }

    static SubnetInfo subnet(UUID id, UUID network, String cidr, String gateway) {
        return new SubnetInfo(id, network, 4, cidr, gateway, false, List.of(), List.of(), null, null, 1);
    }

    static Guest plug(PortInfo p, String name) {
        Guest g = host.plug("l3" + TAG + name, p.tapName(), p.macAddress(), HostPlanner.bridgeName(p.networkId()));
        g.address(p.fixedIps().get(0).ipAddress() + "/24");
        TestHost.check(Sh.run("ip", "-n", g.namespace(), "route", "replace", "default", "via", "10.91.0.1"));
        return g;
    }

    static String inRouter(UUID router, String... command) {
        List<String> all = new java.util.ArrayList<>(List.of("ip", "netns", "exec", RouterPlan.namespace(router)));
        all.addAll(List.of(command));
        return TestHost.check(Sh.run(all.toArray(String[]::new))).text();
    }

    static long count(Guest g, int rule) {
        return g.inputCounts().get(rule);
    }

    @Test
    @Order(1)
    void routerNamespaceHasItsLegsRoutesAndNat() {
        String addresses = inRouter(R1, "ip", "-o", "addr", "show");
        assertTrue(addresses.contains("qr-" + R1_IN.id().toString().substring(0, 11)) && addresses.contains("10.91.0.1/24"),
                addresses);
        assertTrue(addresses.contains("172.31.0.10/24") && addresses.contains("172.31.0.20/32"),
                "the gateway holds its address and the floating IP: " + addresses);
        String routes = inRouter(R1, "ip", "route", "show");
        assertTrue(routes.contains("default via 172.31.0.1"), routes);
        assertTrue(routes.contains("10.99.0.0/24 via 10.91.0.12"), "the extra route: " + routes);
        assertTrue(inRouter(R1, "nft", "list", "table", "ip", TestHost.TABLE).contains("172.31.0.20 : 10.91.0.11"));
        assertEquals("1", inRouter(R1, "sysctl", "-n", "net.ipv4.ip_forward").strip());
    }

    @Test
    @Order(2)
    void aGuestReachesTheOutsideAsItsFloatingIpAndBAsTheRouter() {
        b.reaches("172.31.0.1");
        assertTrue(count(internet, 0) > 0, "B (no floating IP) leaves as the router's gateway address");
        a.reaches("172.31.0.1");
        assertTrue(count(internet, 2) > 0, "A leaves as its floating IP");
        assertEquals(0, count(internet, 1), "no fixed address leaves the router");
    }

    @Test
    @Order(3)
    void theOutsideReachesAGuestThroughItsFloatingIp() {
        internet.reaches("172.31.0.20");
        assertTrue(count(a, 0) > 0, "A received the echo requests, from the outside's own address");
        assertEquals(0, count(b, 0));
    }

    @Test
    @Order(4)
    void theFloatingIpMovesToAnotherGuest() {
        long atA = count(a, 0);
        state.putFloatingIp(new FloatingIpInfo(FIP, "172.31.0.20", R1, B.id(), "10.91.0.12", 2));
        host.reconcile();
        assertTrue(internet.pingOnce("172.31.0.20"), "the first ping after the move is answered");
        assertTrue(count(b, 0) > 0, "by B");
        assertEquals(atA, count(a, 0), "A no longer gets it");
    }

    @Test
    @Order(5)
    void securityGroupsDecideWhatComesThroughAFloatingIp() {
        state.removeRule(PING);
        host.reconcile();
        assertTrue(internet.cannotReach("172.31.0.20"), "without the ICMP rule B's port drops the pings");
        state.putRule(new RuleInfo(UUID.randomUUID(), WEB, "ingress", "IPv4", "icmp", null, null, "0.0.0.0/0", null));
        host.reconcile();
        internet.reaches("172.31.0.20");
    }

    @Test
    @Order(6)
    void metadataThroughTheRouter() {
        // (busybox 1.35's wget crashes with -T: no timeout option here)
        Sh.Out out = Sh.run("ip", "netns", "exec", a.namespace(), "busybox", "wget", "-q", "-O", "-",
                "http://169.254.169.254/latest/meta-data/instance-id");
        assertEquals("instance server-" + A.id(), out.text().strip(), "A is known by its address on the router's network");
    }

    @Test
    @Order(7)
    void twoRoutersWithTheSameTenantSubnet() {
        state.putRouter(new RouterInfo(R2, true, true, List.of(), 1));
        state.putFloatingIp(new FloatingIpInfo(FIP2, "172.31.0.21", R2, C.id(), "10.91.0.11", 1));
        host.reconcile();
        long atA = count(a, 0);
        internet.reaches("172.31.0.21");
        assertTrue(count(c, 0) > 0, "C, behind the second router, answers its floating IP");
        assertEquals(atA, count(a, 0), "A, with the same address behind the first, sees nothing");
        c.reaches("172.31.0.1");
    }

    @Test
    @Order(8)
    void anAgentRestartedOverAHalfBrokenRouterConverges() {
        // the agent died during a move (the new mapping never written), and someone broke the router meanwhile
        state.putFloatingIp(new FloatingIpInfo(FIP, "172.31.0.20", R1, A.id(), "10.91.0.11", 3));
        inRouter(R1, "nft", "delete", "table", "ip", TestHost.TABLE);
        inRouter(R1, "ip", "link", "del", "qg-" + R1_GW.id().toString().substring(0, 11));
        host.restartAgent();
        host.reconcile();
        long atA = count(a, 0);
        internet.reaches("172.31.0.20");
        assertTrue(count(a, 0) > atA, "the floating IP is A's again");
        Map<String, Integer> again = host.reconcile();
        assertFalse(again.containsKey("routers"), "a second pass changes no router: " + again);
    }

    @Test
    @Order(9)
    void removingTheInterfaceCutsThePath() {
        state.removePort(R1_IN.id(), 2);
        host.reconcile();
        assertFalse(inRouter(R1, "ip", "-o", "link", "show").contains("qr-"), "the leg is gone");
        assertTrue(internet.cannotReach("172.31.0.20"));
    }

    @Test
    @Order(10)
    void aRouterDeletedWhileTheAgentIsDownLeavesNothing() {
        host.agent().metadata().stopAll();
        state.removeRouter(R2, 2);
        state.removeFloatingIp(FIP2, 2);
        state.removePort(R2_IN.id(), 2);
        state.removePort(R2_GW.id(), 2);
        host.restartAgent();
        host.reconcile();
        assertFalse(host.ip.namespaces().contains(RouterPlan.namespace(R2)), "no namespace");
        Set<String> links = host.ip.links(null).keySet();
        assertFalse(links.contains(R2_IN.tapName()) || links.contains(R2_GW.tapName()), "no leg: " + links);
        assertFalse(Files.exists(host.stateDir.resolve("routers").resolve(R2.toString())), "no record of it");
        assertFalse(links.contains(HostPlanner.bridgeName(NET2)) && !links.contains(C.tapName()),
                "the bridge of its network goes once nothing is on it");
    }
}
