package io.strato.network.agent.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.strato.network.agent.testbed.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * IPv6 guests on a host made of a namespace, on a network with two IPv6 subnets and no router (Strato has none
 * yet): one {@code slaac}/{@code slaac}, one {@code dhcpv6-stateful}. The guests are Linux namespaces as a cloud
 * image configures them ({@code accept_ra}, {@code autoconf}, a DHCPv6 client: ISC dhclient) inside a security
 * group whose IPv6 rules admit echo requests.
 *
 * <p>With no router, Neutron sends no router advertisement at all (radvd runs in the router's namespace), so a
 * SLAAC guest there gets no address. Strato's dnsmasq advertises the prefixes itself, but as what it is, not a
 * router: router lifetime 0 (no default route through the DHCP port, which forwards nothing), the network's MTU.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ipv6GuestTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static final String HOST = "v6-" + TAG;
    static final UUID NET = UUID.randomUUID();
    static final UUID SLAAC = UUID.randomUUID();
    static final UUID STATEFUL = UUID.randomUUID();
    static final UUID GROUP = UUID.randomUUID();
    static final int MTU = 1400;

    static final String MAC1 = "fa:16:3e:65:00:01";
    static final String MAC2 = "fa:16:3e:65:00:02";
    static final String DHCP_MAC = "fa:16:3e:65:00:fe";
    /** What network-service gives a port in a SLAAC subnet: the modified EUI-64 address of its MAC (RFC 4291). */
    static final String EUI1 = "fd65:a::f816:3eff:fe65:1";
    static final String EUI2 = "fd65:a::f816:3eff:fe65:2";

    static ClusterState state;
    static TestHost host;
    static Guest one;
    static Guest two;

    static PortInfo port(String mac, List<PortInfo.FixedIp> ips, List<UUID> groups, String owner) {
        boolean dhcp = owner.equals(HostPlanner.DHCP_OWNER);
        return new PortInfo(UUID.randomUUID(), NET, mac, ips, groups, List.of(), !dhcp, HOST, null, owner,
                dhcp ? "dhcp-" + HOST : "server-" + mac, true, null, "project-1", "DOWN", 1);
    }

    static final PortInfo ONE = port(MAC1, List.of(new PortInfo.FixedIp(SLAAC, EUI1),
            new PortInfo.FixedIp(STATEFUL, "fd65:b::11")), List.of(GROUP), "compute:nova");
    static final PortInfo TWO = port(MAC2, List.of(new PortInfo.FixedIp(SLAAC, EUI2),
            new PortInfo.FixedIp(STATEFUL, "fd65:b::12")), List.of(GROUP), "compute:nova");
    static final PortInfo DHCP = port(DHCP_MAC, List.of(new PortInfo.FixedIp(SLAAC, "fd65:a::f816:3eff:fe65:fe"),
            new PortInfo.FixedIp(STATEFUL, "fd65:b::2")), List.of(), HostPlanner.DHCP_OWNER);

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking() && Sh.run("sh", "-c", "command -v dhclient").ok(),
                "needs root, ip, nft, dnsmasq, busybox and dhclient (isc-dhcp-client; .ci/run installs them)");
        state = new ClusterState();
        state.replaceAll(List.of(new NetworkInfo(NET, "local", null, null, MTU, true, 1)),
                List.of(new SubnetInfo(SLAAC, NET, 6, "fd65:a::/64", "fd65:a::1", true, List.of(), List.of(), "slaac",
                        "slaac", 1),
                        new SubnetInfo(STATEFUL, NET, 6, "fd65:b::/64", "fd65:b::1", true, List.of(), List.of(),
                                "dhcpv6-stateful", "dhcpv6-stateful", 1)),
                List.of(ONE, TWO, DHCP),
                List.of(new SecurityGroupInfo(GROUP, true, 1)),
                List.of(new RuleInfo(UUID.randomUUID(), GROUP, "egress", "IPv6", null, null, null, null, null),
                        new RuleInfo(UUID.randomUUID(), GROUP, "ingress", "IPv6", "ipv6-icmp", 128, null, null, null)));
        try {
            host = TestHost.start(HOST, "hv6" + TAG, "127.0.0.1", Set::of, state::snapshot);
            host.reconcile();
            one = plug(ONE, "1");
            two = plug(TWO, "2");
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

    /** A guest as a cloud image sets it up: it takes router advertisements and forms addresses from them. */
    static Guest plug(PortInfo p, String name) {
        Guest g = host.plug("v6" + TAG + name, p.tapName(), p.macAddress(), HostPlanner.bridgeName(NET));
        TestHost.check(Sh.run("ip", "netns", "exec", g.namespace(), "sysctl", "-q", "-w", "net.ipv6.conf.eth0.accept_ra=2",
                "net.ipv6.conf.eth0.autoconf=1", "net.ipv6.conf.eth0.addr_gen_mode=0"));
        // up again: its router solicitation goes out with the settings
        TestHost.check(Sh.run("ip", "-n", g.namespace(), "link", "set", "eth0", "down"));
        TestHost.check(Sh.run("ip", "-n", g.namespace(), "link", "set", "eth0", "up"));
        return g;
    }

    static String in(Guest g, String... command) {
        return Sh.run(concat(List.of("ip", "netns", "exec", g.namespace()), command)).text();
    }

    static String[] concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void aSlaacGuestFormsItsPortsEui64AddressFromTheAdvertisementButNoDefaultRoute() {
        String addr = slaacAddress(one, EUI1);
        assertTrue(addr.contains("inet6 " + EUI1 + "/64 scope global dynamic mngtmpaddr"),
                "the address network-service gave the port, formed by the guest itself: " + addr);
        String routes = in(one, "ip", "-6", "route", "show", "dev", "eth0");
        assertTrue(routes.contains("fd65:a::/64 proto kernel"), "the prefix is on-link: " + routes);
        assertEquals("", in(one, "ip", "-6", "route", "show", "default").strip(),
                "no router on the network: the DHCP port does not advertise itself as one");
        assertEquals(Integer.toString(MTU), in(one, "sysctl", "-n", "net.ipv6.conf.eth0.mtu").strip(),
                "the network's MTU, from the advertisement");
    }

    /** Waits for the guest's global address {@code address} to be formed and pass DAD; returns eth0's addresses. */
    static String slaacAddress(Guest g, String address) {
        await("a global address from the advertised prefix").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    String a = in(g, "ip", "-6", "addr", "show", "dev", "eth0", "scope", "global");
                    return a.contains(address + "/64") && !a.contains("tentative");
                });
        return in(g, "ip", "-6", "addr", "show", "dev", "eth0", "scope", "global");
    }

    @Test
    @Order(2)
    void aDhcpv6ClientGetsThePortsFixedAddress() throws Exception {
        String lease = dhcpv6(one);
        assertTrue(lease.contains("address=fd65:b::11 "), lease);
        assertTrue(dhcpv6(two).contains("address=fd65:b::12 "));
    }

    /** ISC dhclient in DHCPv6 mode, once; its script records the lease and configures eth0 with it. */
    static String dhcpv6(Guest g) throws Exception {
        Path dir = host.stateDir;
        Path out = dir.resolve(g.namespace() + ".lease6");
        Path script = dir.resolve("dhclient6-" + g.namespace() + ".sh");
        Files.writeString(script, "#!/bin/sh\ncase \"$reason\" in BOUND6|RENEW6|REBIND6)\n"
                + "  ip -6 addr replace \"$new_ip6_address/128\" dev \"$interface\" nodad\n"
                + "  echo \"address=$new_ip6_address prefix=$new_ip6_prefixlen\" > " + out + "\n;; esac\n");
        script.toFile().setExecutable(true);
        Path pid = dir.resolve(g.namespace() + ".dhclient6.pid");
        // the link-local address must have passed DAD before the client can bind to it
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> !in(g, "ip", "-6", "addr", "show", "dev", "eth0", "scope", "link").contains("tentative"));
        Sh.Out run = Sh.run(concat(List.of("ip", "netns", "exec", g.namespace()), "timeout", "20", "dhclient", "-6",
                "-1", "-v", "-sf", script.toString(), "-lf", dir.resolve(g.namespace() + ".leases6").toString(), "-pf",
                pid.toString(), "eth0"));
        try {
            if (!Files.exists(out)) {
                Path log = host.stateDir.resolve("dhcp").resolve(NET.toString()).resolve("log");
                throw new AssertionError("no DHCPv6 lease for " + g.namespace() + ": " + run.text() + "\ndnsmasq:\n"
                        + (Files.exists(log) ? Files.readString(log) : "no log"));
            }
            return Files.readString(out);
        } finally {
            // dhclient stays to renew: stop it
            if (Files.exists(pid)) {
                Sh.run("kill", Files.readString(pid).strip());
            }
        }
    }

    @Test
    @Order(3)
    void theGroupsIpv6RuleAdmitsEchoRequestsAndNeighbourDiscoveryWorks() {
        slaacAddress(two, EUI2);
        one.reaches(EUI2);
        two.reaches(EUI1);
        String linkLocal = linkLocal(two);
        assertTrue(Sh.run("ip", "netns", "exec", one.namespace(), "ping", "-c", "1", "-W", "2", linkLocal + "%eth0").ok(),
                "link-local sources are the port's too");
    }

    @Test
    @Order(4)
    void aSpoofedIpv6SourceIsDropped() {
        // the second guest counts the echo requests reaching it, by source
        two.countInput("ip6 saddr fd65:a::99 icmpv6 type echo-request", "ip6 saddr " + EUI1 + " icmpv6 type echo-request");
        TestHost.check(Sh.run("ip", "-n", one.namespace(), "addr", "add", "fd65:a::99/64", "dev", "eth0", "nodad"));
        try {
            assertFalse(Sh.run("ip", "netns", "exec", one.namespace(), "ping", "-c", "3", "-i", "0.3", "-W", "1", "-I",
                    "fd65:a::99", EUI2).ok());
        } finally {
            Sh.run("ip", "-n", one.namespace(), "addr", "del", "fd65:a::99/64", "dev", "eth0");
        }
        one.reaches(EUI2);
        List<Long> counters = two.inputCounts();
        assertEquals(0L, counters.get(0), "nothing from an address that is not the port's: " + counters);
        assertTrue(counters.get(1) > 0, "its own address passes: " + counters);
    }

    static String linkLocal(Guest g) {
        String addr = in(g, "ip", "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64").matcher(addr);
        assertTrue(m.find(), addr);
        return m.group(1);
    }

    @Test
    @Order(5)
    void aGuestsRouterAdvertisementReachesNoOtherGuest() {
        assertEquals("", in(two, "ip", "-6", "route", "show", "default").strip());
        // a router advertisement from ONE (router lifetime 1800 s, no options), as a rogue radvd would send it
        String ra = "import socket; s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6); "
                + "s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255); "
                + "s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, socket.if_nametoindex('eth0')); "
                + "[s.sendto(bytes([134, 0, 0, 0, 64, 0, 0x07, 0x08, 0, 0, 0, 0, 0, 0, 0, 0]), ('ff02::1', 0, 0, "
                + "socket.if_nametoindex('eth0'))) for i in range(3)]";
        TestHost.check(Sh.run("ip", "netns", "exec", one.namespace(), "python3", "-c", ra));
        // without the bridge table's nd-router-advert drop, TWO takes it: "default via <ONE's link-local>"
        await("time for the advertisement to arrive").pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertEquals("", in(two, "ip", "-6", "route", "show", "default").strip(),
                "the anti-spoofing rules drop router advertisements from guests");
    }
}
