package io.strato.network.agent.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.strato.network.agent.dhcp.DhcpServers;
import io.strato.network.agent.firewall.ConntrackZones;
import io.strato.network.agent.firewall.Firewall;
import io.strato.network.agent.host.Ip;
import io.strato.network.agent.host.Neighbours;
import io.strato.network.agent.host.Nft;
import io.strato.network.agent.host.Processes;
import io.strato.network.agent.host.Sh;
import io.strato.network.agent.l2.Bridges;
import io.strato.network.agent.l2.Ledger;
import io.strato.network.agent.l3.Routers;
import io.strato.kit.serviceauth.ProxySignature;
import io.strato.network.agent.metadata.MetadataProxies;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.plan.HostPlanner;
import io.strato.network.agent.state.ClusterState;
import io.strato.network.agent.testbed.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The agent's real host code on this machine's kernel, with network namespaces as guests (as Neutron's
 * fullstack tests do): each "guest" is a namespace whose veth host end is named as the port's tap and sits on
 * the network's bridge, as libvirt would plug it. The guests get their addresses from the agent's dnsmasq with
 * busybox udhcpc, and the security groups, anti-spoofing and port security are checked with ping and nc.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostDataPlaneTest {

    static final String HOST = "dataplane-test-host";
    static final String TABLE = "strato_test";
    static final String MAC1 = "fa:16:3e:7e:00:01";
    static final String MAC2 = "fa:16:3e:7e:00:02";

    static final UUID NET = UUID.randomUUID();
    static final UUID SUBNET = UUID.randomUUID();
    static final UUID WEB = UUID.randomUUID();
    static final UUID VM1 = UUID.randomUUID();
    static final UUID VM2 = UUID.randomUUID();
    static final UUID DHCP = UUID.randomUUID();
    static final UUID PING_RULE = UUID.randomUUID();
    static final String TAG = NET.toString().substring(0, 6);
    static final String G1 = "sna" + TAG + "a";
    static final String G2 = "sna" + TAG + "b";

    static Path dir;
    static ClusterState state;
    static HostPlanner planner;
    static Bridges bridges;
    static Firewall firewall;
    static DhcpServers dhcp;
    static MetadataProxies metadata;
    static HttpServer compute;
    static final List<Map<String, String>> computeSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final String SECRET = "test-secret";
    static final Ip ip = new Ip();
    static final List<UUID> dhcpRequests = new ArrayList<>();
    static PortInfo vm1;
    static PortInfo vm2;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking(), "needs root, ip, nft, dnsmasq and busybox (.ci/run installs them)");
        // dnsmasq drops its privileges: its files must be readable by others, as under the agent's state directory
        dir = Files.createTempDirectory("strato-dataplane-",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        state = new ClusterState();
        planner = new HostPlanner(HOST, Map.of());
        bridges = new Bridges(ip, "127.0.0.1", Set::of, new Ledger(dir.resolve("devices")));
        firewall = new Firewall(new Nft(), TABLE, new ConntrackZones(dir.resolve("conntrack-zones")));
        dhcp = new DhcpServers(ip, new Processes(), dir, (network, subnets) -> dhcpRequests.add(network));
        // compute's metadata API, at the edge of what is tested here: it records what the proxy forwarded
        compute = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        compute.createContext("/", exchange -> {
            Map<String, String> saw = new java.util.TreeMap<>();
            saw.put("path", exchange.getRequestURI().toString());
            for (String h : List.of("X-Instance-ID", "X-Tenant-ID", "X-Instance-ID-Signature", "X-Forwarded-For")) {
                saw.put(h, exchange.getRequestHeaders().getFirst(h));
            }
            computeSaw.add(saw);
            byte[] body = ("{\"uuid\": \"" + saw.get("X-Instance-ID") + "\"}").getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        compute.start();
        metadata = new MetadataProxies(state::snapshot, "http://127.0.0.1:" + compute.getAddress().getPort(), SECRET,
                HttpClient.newHttpClient());
        vm1 = port(VM1, MAC1, "10.77.0.11", List.of(WEB), true, "vm-one");
        vm2 = port(VM2, MAC2, "10.77.0.12", List.of(WEB), true, "vm-two");
        PortInfo dhcpPort = new PortInfo(DHCP, NET, "fa:16:3e:7e:00:fe", List.of(new PortInfo.FixedIp(SUBNET, "10.77.0.2")),
                List.of(), List.of(), false, HOST, null, "network:dhcp", "dhcp", true, null, "project-1", "DOWN", 1);
        state.replaceAll(
                List.of(new NetworkInfo(NET, "vxlan", 7000 + (int) (Math.random() * 1000), null, 1450, true, 1)),
                List.of(new SubnetInfo(SUBNET, NET, 4, "10.77.0.0/24", "10.77.0.1", true, List.of(), List.of(), null,
                        null, 1)),
                List.of(vm1, vm2, dhcpPort),
                List.of(new SecurityGroupInfo(WEB, true, 1)),
                List.of(new RuleInfo(UUID.randomUUID(), WEB, "egress", "IPv4", null, null, null, null, null),
                        new RuleInfo(PING_RULE, WEB, "ingress", "IPv4", "icmp", null, null, null, WEB),
                        new RuleInfo(UUID.randomUUID(), WEB, "ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0", null)));
        reconcile();
        guest(G1, vm1);
        guest(G2, vm2);
    }

    @AfterAll
    static void tearDown() {
        if (state == null) {
            return;
        }
        Sh.run("ip", "netns", "del", G1);
        Sh.run("ip", "netns", "del", G2);
        try {
            state.replaceAll(List.of(), List.of(), List.of(), List.of(), List.of());
            reconcile();
        } finally {
            firewall.remove();
            metadata.stopAll();
            compute.stop(0);
            removeLeftovers();
            TestHost.deleteTree(dir);
        }
        assertFalse(ip.links(null).containsKey(HostPlanner.bridgeName(NET)), "the bridge is removed with the last port");
        assertFalse(ip.namespaces().contains("qdhcp-" + NET), "the DHCP namespace is removed with the last port");
    }

    /** What a failed empty pass left of this test's (its ledger's devices, its dnsmasq and namespace); else nothing. */
    static void removeLeftovers() {
        new Processes().stop(dir.resolve("dhcp").resolve(NET.toString()).resolve("pid"));
        if (ip.namespaces().contains("qdhcp-" + NET)) {
            Sh.run("ip", "netns", "del", "qdhcp-" + NET);
        }
        for (String device : new Ledger(dir.resolve("devices")).names()) {
            Sh.run("ip", "link", "del", device);
        }
    }

    static PortInfo port(UUID id, String mac, String address, List<UUID> groups, boolean secured, String dnsName) {
        return new PortInfo(id, NET, mac, List.of(new PortInfo.FixedIp(SUBNET, address)), groups, List.of(), secured, HOST,
                null, "compute:nova", "server-" + id, true, dnsName, "project-1", "DOWN", 1);
    }

    static void reconcile() {
        new HostApplier(bridges, firewall, dhcp, metadata, new Routers(new Ip(), Nft::new, new Neighbours(), dir, "strato"))
                .apply(planner.plan(state.snapshot()));
    }

    /** A namespace standing in for a guest: its eth0's peer is the port's tap, on the network's bridge. */
    static void guest(String ns, PortInfo p) {
        String bridge = HostPlanner.bridgeName(NET);
        check(Sh.run("ip", "netns", "add", ns));
        check(Sh.run("ip", "link", "add", p.tapName(), "type", "veth", "peer", "name", "eth0", "netns", ns));
        check(Sh.run("ip", "-n", ns, "link", "set", "eth0", "address", p.macAddress(), "up"));
        check(Sh.run("ip", "-n", ns, "link", "set", "lo", "up"));
        check(Sh.run("ip", "link", "set", p.tapName(), "master", bridge, "up"));
    }

    static Sh.Out check(Sh.Out out) {
        if (!out.ok()) {
            fail(out.text());
        }
        return out;
    }

    /** busybox udhcpc in the guest; its script records what the lease said and configures eth0. */
    static String dhcpLease(String ns) throws Exception {
        return lease(ns, "lease", "ip=$ip mask=$mask mtu=$mtu router=$router hostname=$hostname dns=$dns staticroutes=$staticroutes",
                "mtu", "staticroutes");
    }

    /**
     * A lease asked for by udhcpc with the options {@code requested} ({@code -O}); its script configures eth0 and writes
     * {@code record} (shell variables of the lease) to a file, whose text is returned.
     */
    static String lease(String ns, String name, String record, String... requested) throws Exception {
        Path out = dir.resolve(ns + "." + name);
        Files.deleteIfExists(out);
        Path script = dir.resolve("udhcpc-" + name + ".sh");
        Files.writeString(script, "#!/bin/sh\ncase \"$1\" in bound|renew)\n"
                + "  ip addr flush dev \"$interface\"; ip addr add \"$ip/$mask\" dev \"$interface\"\n"
                + "  echo \"" + record + "\" > \"$LEASE_FILE\"\n"
                + ";; esac\n");
        script.toFile().setExecutable(true);
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "env", "LEASE_FILE=" + out, "busybox",
                "udhcpc", "-i", "eth0", "-n", "-q", "-t", "10", "-T", "1", "-s", script.toString()));
        for (String option : requested) {
            command.add("-O");
            command.add(option);
        }
        Sh.Out udhcpc = Sh.run(command.toArray(String[]::new));
        if (!udhcpc.ok() || !Files.exists(out)) {
            Path log = dir.resolve("dhcp").resolve(NET.toString()).resolve("log");
            fail(udhcpc.text() + "\ndnsmasq log:\n" + (Files.exists(log) ? Files.readString(log) : "none")
                    + "\n" + Sh.run("ip", "-n", "qdhcp-" + NET, "addr").text() + Sh.run("ip", "link").text()
                    + Sh.run("nft", "list", "ruleset").text());
        }
        return Files.readString(out).strip() + " ";
    }

    static boolean ping(String from, String to) {
        return Sh.run("ip", "netns", "exec", from, "ping", "-c", "1", "-W", "1", to).ok();
    }

    /** Whether a TCP connection from {@code from} to {@code to:port} is answered by a listener started for it. */
    static boolean tcp(String from, String listenerNs, String to, int port) {
        Sh.sh("ip netns exec " + listenerNs + " busybox nc -l -p " + port + " -e /bin/echo hello >/dev/null 2>&1 &");
        Sh.run("sleep", "0.3");
        Sh.Out out = Sh.run("ip", "netns", "exec", from, "busybox", "nc", "-w", "2", to, Integer.toString(port));
        Sh.run("ip", "netns", "pids", listenerNs);
        Sh.sh("for p in $(ip netns pids " + listenerNs + "); do kill $p; done");
        return out.text().contains("hello");
    }

    @Test
    @Order(1)
    void guestsGetTheirAddressesMtuAndMetadataRouteByDhcp() throws Exception {
        String lease1 = dhcpLease(G1);
        assertTrue(lease1.contains("ip=10.77.0.11 mask=24 mtu=1450 router=10.77.0.1 hostname=vm-one"), lease1);
        assertTrue(lease1.contains("169.254.169.254/32 10.77.0.2"), "the metadata route through the DHCP port: " + lease1);
        assertTrue(lease1.contains("0.0.0.0/0 10.77.0.1"), lease1);
        assertTrue(lease1.contains("dns=10.77.0.2"), lease1);
        String lease2 = dhcpLease(G2);
        assertTrue(lease2.contains("ip=10.77.0.12"), lease2);
        assertTrue(dhcpRequests.isEmpty(), "the DHCP port existed: nothing asked of the API");
    }

    @Test
    @Order(2)
    void securityGroupsAdmitWhatTheirRulesSayAndNothingElse() {
        assertTrue(ping(G1, "10.77.0.12"), "ICMP from a member of the remote group WEB is allowed");
        assertTrue(ping(G2, "10.77.0.11"));
        assertTrue(tcp(G1, G2, "10.77.0.12", 22), "tcp/22 from anywhere is allowed");
        assertFalse(tcp(G1, G2, "10.77.0.12", 8080), "tcp/8080 matches no rule: dropped");

        state.removeRule(PING_RULE);
        reconcile();
        assertFalse(ping(G1, "10.77.0.12"), "the ICMP rule is gone");
        assertTrue(tcp(G1, G2, "10.77.0.12", 22), "other rules still hold");

        state.putRule(new RuleInfo(UUID.randomUUID(), WEB, "ingress", "IPv4", "icmp", 8, null, "10.77.0.11/32", null));
        reconcile();
        assertTrue(ping(G1, "10.77.0.12"), "echo request from 10.77.0.11 only");
    }

    @Test
    @Order(3)
    void aGuestCannotSendFromAnAddressOrMacThatIsNotItsOwn() {
        check(Sh.run("ip", "-n", G1, "addr", "flush", "dev", "eth0"));
        check(Sh.run("ip", "-n", G1, "addr", "add", "10.77.0.99/24", "dev", "eth0"));
        assertFalse(ping(G1, "10.77.0.12"), "10.77.0.99 is not vm1's address");
        check(Sh.run("ip", "-n", G1, "addr", "flush", "dev", "eth0"));
        check(Sh.run("ip", "-n", G1, "addr", "add", "10.77.0.11/24", "dev", "eth0"));
        assertTrue(ping(G1, "10.77.0.12"));

        check(Sh.run("ip", "-n", G1, "link", "set", "eth0", "address", "fa:16:3e:7e:00:99"));
        assertFalse(ping(G1, "10.77.0.12"), "a MAC that is not the port's");
        check(Sh.run("ip", "-n", G1, "link", "set", "eth0", "address", MAC1));
        assertTrue(ping(G1, "10.77.0.12"));
    }

    @Test
    @Order(4)
    void portSecurityDisabledMeansNoFilterAtAll() {
        PortInfo open = new PortInfo(VM2, NET, MAC2, vm2.fixedIps(), List.of(), List.of(), false, HOST, null,
                "compute:nova", "server", true, "vm-two", "project-1", "DOWN", 2);
        assertTrue(state.putPort(open));
        reconcile();
        assertTrue(tcp(G1, G2, "10.77.0.12", 8080), "vm2 has no filter; vm1's egress allows all");
        assertTrue(state.putPort(new PortInfo(VM2, NET, MAC2, vm2.fixedIps(), List.of(WEB), List.of(), true, HOST, null,
                "compute:nova", "server", true, "vm-two", "project-1", "DOWN", 3)));
        reconcile();
        assertFalse(tcp(G1, G2, "10.77.0.12", 8080), "filtered again");
    }

    @Test
    @Order(5)
    void ruleTablesDeletedByHandComeBack() {
        assertFalse(firewall.checkDrift(), "the first check takes the reference");
        assertFalse(firewall.checkDrift());
        check(Sh.run("nft", "delete", "table", "inet", TABLE));
        assertTrue(firewall.checkDrift());
        reconcile();
        assertFalse(firewall.checkDrift());
        assertFalse(firewall.checkDrift());
        assertFalse(tcp(G1, G2, "10.77.0.12", 8080), "the rules are back");
        assertTrue(ping(G1, "10.77.0.12"));
    }

    @Test
    @Order(6)
    void aKilledDnsmasqIsStartedAgainAndNewPortsReachItWithoutARestart() throws Exception {
        Path pidFile = dir.resolve("dhcp").resolve(NET.toString()).resolve("pid");
        String pid = Files.readString(pidFile).strip();
        check(Sh.run("kill", "-9", pid));
        Sh.run("sleep", "0.2");
        reconcile();
        String again = Files.readString(pidFile).strip();
        assertNotEquals(pid, again);
        assertTrue(Files.exists(Path.of("/proc", again)), "dnsmasq runs again");

        // a third port appears: dnsmasq is told by SIGHUP, not restarted
        UUID vm3 = UUID.randomUUID();
        state.putPort(new PortInfo(vm3, NET, "fa:16:3e:7e:00:03", List.of(new PortInfo.FixedIp(SUBNET, "10.77.0.13")),
                List.of(WEB), List.of(), true, "another-host", null, "compute:nova", "server", true, null, "project-1", "DOWN", 1));
        reconcile();
        assertEquals(again, Files.readString(pidFile).strip(), "same dnsmasq");
        assertTrue(Files.readString(dir.resolve("dhcp").resolve(NET.toString()).resolve("host"))
                .contains("fa:16:3e:7e:00:03,10.77.0.13,host-10-77-0-13"));
    }

    @Test
    @Order(7)
    void theMetadataProxyNamesTheCallingInstanceAndSignsIt() {
        check(Sh.run("ip", "-n", G1, "route", "replace", "169.254.169.254/32", "via", "10.77.0.2"));
        Sh.Out got = Sh.run("ip", "netns", "exec", G1, "busybox", "wget", "-q", "-O", "-",
                "http://169.254.169.254/openstack/latest/meta_data.json");
        assertTrue(got.ok(), got.text());
        assertEquals("{\"uuid\": \"" + vm1.deviceId() + "\"}", got.text().strip());
        Map<String, String> saw = computeSaw.get(computeSaw.size() - 1);
        assertEquals("/openstack/latest/meta_data.json", saw.get("path"));
        assertEquals(vm1.deviceId(), saw.get("X-Instance-ID"));
        assertEquals("project-1", saw.get("X-Tenant-ID"));
        assertEquals("10.77.0.11", saw.get("X-Forwarded-For"));
        assertEquals(ProxySignature.sign(SECRET, vm1.deviceId()), saw.get("X-Instance-ID-Signature"));

        // an address no port of the network has is nobody's: 404, and nothing reaches compute
        int before = computeSaw.size();
        String g3 = "sna" + TAG + "c";
        String veth = "vst" + TAG;
        try {
            check(Sh.run("ip", "netns", "add", g3));
            check(Sh.run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", g3));
            check(Sh.run("ip", "link", "set", veth, "master", HostPlanner.bridgeName(NET), "up"));
            check(Sh.run("ip", "-n", g3, "link", "set", "eth0", "up"));
            check(Sh.run("ip", "-n", g3, "addr", "add", "10.77.0.50/24", "dev", "eth0"));
            check(Sh.run("ip", "-n", g3, "route", "add", "169.254.169.254/32", "via", "10.77.0.2"));
            Sh.Out stranger = Sh.run("ip", "netns", "exec", g3, "busybox", "wget", "-S", "-O", "-",
                    "http://169.254.169.254/latest/meta-data/");
            assertTrue(stranger.text().contains("404"), stranger.text());
            assertEquals(before, computeSaw.size());
        } finally {
            Sh.run("ip", "netns", "del", g3);
        }
    }

    @Test
    @Order(8)
    void aPortsExtraDhcpOptionsReachItsOwnClientAndNoOther() throws Exception {
        Path pidFile = dir.resolve("dhcp").resolve(NET.toString()).resolve("pid");
        reconcile();
        String pid = Files.readString(pidFile).strip();
        state.putPort(withOptions(vm1, 10, List.of(
                new PortInfo.DhcpOption("domain-search", "corp.example,lab.example", 4),
                new PortInfo.DhcpOption("42", "10.77.0.123", 4), // NTP servers, by number
                new PortInfo.DhcpOption("bootfile-name", "pxelinux.0", 4))));
        reconcile();
        String first = Files.readString(pidFile).strip();
        assertNotEquals(pid, first, "dnsmasq 2.90 crashes re-reading tagged hosts at a SIGHUP: they are given by a restart");
        String one = optionsLease(G1);
        assertTrue(one.contains("ip=10.77.0.11 "), one);
        assertTrue(one.contains("search=corp.example lab.example "), one);
        assertTrue(one.contains("ntpsrv=10.77.0.123 "), one);
        assertTrue(one.contains("bootfile=pxelinux.0"), one);
        String two = optionsLease(G2);
        assertTrue(two.contains("ip=10.77.0.12 search= ntpsrv= bootfile="), "another port's options are not its: " + two);

        // an update drops two options and changes the third: the client sees exactly that at its next lease
        state.putPort(withOptions(vm1, 11, List.of(new PortInfo.DhcpOption("bootfile-name", "grub.efi", 4))));
        reconcile();
        String second = Files.readString(pidFile).strip();
        assertNotEquals(first, second);
        assertTrue(Files.exists(Path.of("/proc", second)), "the restarted dnsmasq runs");
        String again = optionsLease(G1);
        assertTrue(again.contains("ip=10.77.0.11 search= ntpsrv= bootfile=grub.efi"), again);

        // no options left: the host line sets no tag any more
        state.putPort(withOptions(vm1, 12, List.of()));
        reconcile();
        assertFalse(Files.readString(dir.resolve("dhcp").resolve(NET.toString()).resolve("host")).contains("set:port-"));
        assertTrue(optionsLease(G1).contains("bootfile= "), "grub.efi is gone");
        // and with no tag left, a change is a SIGHUP again, which this dnsmasq survives
        String untagged = Files.readString(pidFile).strip();
        state.putPort(new PortInfo(VM2, NET, MAC2, vm2.fixedIps(), vm2.securityGroups(), List.of(), true, HOST, null,
                "compute:nova", "server-" + VM2, true, "vm-two-renamed", "project-1", "DOWN", 13));
        reconcile();
        assertEquals(untagged, Files.readString(pidFile).strip());
        assertTrue(Files.readString(dir.resolve("dhcp").resolve(NET.toString()).resolve("host")).contains("vm-two-renamed"));
        assertTrue(optionsLease(G2).contains("ip=10.77.0.12 "));
        assertTrue(Files.exists(Path.of("/proc", untagged)), "dnsmasq survived the SIGHUP");
    }

    @Test
    @Order(9)
    void bridgeNetfilterTurnedOffOnTheHostIsTurnedBackOnByTheNextPass() throws Exception {
        Path iptables = Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");
        assertFalse(tcp(G1, G2, "10.77.0.12", 8080));
        try {
            Files.writeString(iptables, "0");
            reconcile();
            assertEquals("1", Files.readString(iptables).strip(), "the pass set it back to 1");
            assertFalse(tcp(G1, G2, "10.77.0.12", 8080), "bridged traffic passes the security groups again");
            assertTrue(tcp(G1, G2, "10.77.0.12", 22));
        } finally {
            Files.writeString(iptables, "1");
        }
    }

    static PortInfo withOptions(PortInfo p, long revision, List<PortInfo.DhcpOption> options) {
        return new PortInfo(p.id(), p.networkId(), p.macAddress(), p.fixedIps(), p.securityGroups(), p.allowedAddressPairs(),
                p.portSecurityEnabled(), p.hostId(), p.bridgeName(), p.deviceOwner(), p.deviceId(), p.adminStateUp(),
                p.dnsName(), p.projectId(), p.status(), revision, options);
    }

    /** A lease asking for options 119 (search), 42 (ntpsrv) and 67 (bootfile), as a PXE or NTP-minded client would. */
    static String optionsLease(String ns) throws Exception {
        return lease(ns, "options", "ip=$ip search=$search ntpsrv=$ntpsrv bootfile=$bootfile", "search", "ntpsrv", "bootfile");
    }
}
