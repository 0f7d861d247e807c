package io.strato.network.agent.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.strato.network.agent.testbed.Ports;
import io.strato.network.agent.testbed.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent stopped in the middle of a change, and started again, converges (issue 13: "the agent restarted in
 * the middle of a change converges to the right state"). On a host made of a namespace, agent one applies state
 * S1 (networks N and M with DHCP, ports P1, P2 on N and P4 on M, a tcp/22 rule), then starts on S2 (P2 and network
 * M gone, network K with P5 new, the rule now tcp/80) and dies after some of the pass's steps. Agent two, a new
 * process over the same state directory and tables, makes one pass; the host must then be exactly what S2 says,
 * with nothing of S1 left behind, and a further pass must find nothing to do.
 */
class HostRestartTest {

    static final int STEPS = 8;

    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final String hostName = "restart-" + tag;
    final UUID netN = UUID.randomUUID();
    final UUID netM = UUID.randomUUID();
    final UUID netK = UUID.randomUUID();
    final UUID subN = UUID.randomUUID();
    final UUID subM = UUID.randomUUID();
    final UUID subK = UUID.randomUUID();
    final UUID web = UUID.randomUUID();
    final UUID ssh = UUID.randomUUID();
    final UUID http = UUID.randomUUID();
    final PortInfo p1 = Ports.guest(UUID.randomUUID(), netN, subN, "fa:16:3e:4e:00:01", "10.61.0.11", List.of(web), hostName);
    final PortInfo p2 = Ports.guest(UUID.randomUUID(), netN, subN, "fa:16:3e:4e:00:02", "10.61.0.12", List.of(web), hostName);
    final PortInfo p4 = Ports.guest(UUID.randomUUID(), netM, subM, "fa:16:3e:4e:00:04", "10.62.0.14", List.of(web), hostName);
    final PortInfo p5 = Ports.guest(UUID.randomUUID(), netK, subK, "fa:16:3e:4e:00:05", "10.63.0.15", List.of(web), hostName);
    final PortInfo dhcpN = Ports.dhcp(UUID.randomUUID(), netN, subN, "fa:16:3e:4e:00:f1", "10.61.0.2", hostName);
    final PortInfo dhcpM = Ports.dhcp(UUID.randomUUID(), netM, subM, "fa:16:3e:4e:00:f2", "10.62.0.2", hostName);
    final PortInfo dhcpK = Ports.dhcp(UUID.randomUUID(), netK, subK, "fa:16:3e:4e:00:f3", "10.63.0.2", hostName);
    final ClusterState state = new ClusterState();
    TestHost host;

    @BeforeEach
    void applyS1() throws IOException {
        Assumptions.assumeTrue(Sh.hostNetworking(), "needs root, ip, nft, dnsmasq and busybox (.ci/run installs them)");
        state.replaceAll(List.of(network(netN, 5101), network(netM, 5102)), List.of(subnet(subN, netN, "10.61.0.0/24"),
                        subnet(subM, netM, "10.62.0.0/24")),
                List.of(p1, p2, p4, dhcpN, dhcpM), List.of(new SecurityGroupInfo(web, true, 1)),
                List.of(new RuleInfo(ssh, web, "ingress", "IPv4", "tcp", 22, 22, null, null)));
        host = TestHost.start(hostName, "hv" + tag, "127.0.0.1", Set::of, state::snapshot);
        host.reconcile();
        assertTrue(links().containsKey(HostPlanner.bridgeName(netM)), "S1 is on the host");
        assertTrue(dnsmasqRunning(netM));
    }

    @AfterEach
    void tearDown() {
        if (host != null) {
            host.close();
            assertFalse(Sh.run("ip", "netns", "list").text().contains("hv" + tag), "the host namespace is gone");
            for (UUID n : List.of(netN, netM, netK)) {
                assertFalse(Sh.run("ip", "netns", "list").text().contains("qdhcp-" + n));
            }
        }
    }

    /** S2: P2 deleted, network M gone from this host (its ports deleted), network K and P5 new, tcp/22 now tcp/80. */
    void changeToS2() {
        state.removePort(p2.id(), 2);
        state.removePort(p4.id(), 2);
        state.removePort(dhcpM.id(), 2);
        state.removeSubnet(subM, 2);
        state.removeNetwork(netM, 2);
        state.putNetwork(network(netK, 5103));
        state.putSubnet(subnet(subK, netK, "10.63.0.0/24"));
        state.putPort(p5);
        state.putPort(dhcpK);
        state.removeRule(ssh);
        state.putRule(new RuleInfo(http, web, "ingress", "IPv4", "tcp", 80, 80, null, null));
    }

    @ParameterizedTest(name = "agent stopped after {0} of the pass's steps")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void anAgentStoppedPartWayThroughAChangeConvergesAfterItsRestart(int stepsDone) throws IOException {
        changeToS2();
        List<HostApplier.Step> steps = host.agent().applier().steps(host.plan());
        assertEquals(STEPS, steps.size());
        steps.stream().limit(stepsDone).forEach(HostApplier.Step::run);
        // it also died between removing a device and forgetting it
        Files.writeString(host.stateDir.resolve("devices"), "vxlan-5999\n", java.nio.file.StandardOpenOption.APPEND);

        host.restartAgent();
        host.reconcile();

        assertHostIsS2();
        assertEquals(Map.of(), host.reconcile(), "converged: a further pass changes nothing");
    }

    @Test
    void theRestartedAgentReplacesTheRulesInOneTransactionNeverLeavingTheHostWithout() throws Exception {
        changeToS2();
        Path events = host.stateDir.resolve("nft-monitor");
        Process monitor = new ProcessBuilder("ip", "netns", "exec", host.namespace, "nft", "monitor")
                .redirectErrorStream(true).redirectOutput(events.toFile()).start();
        try {
            // the monitor listens once it reports a change made after its start
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                host.run("nft", "add", "table", "netdev", "probe");
                host.run("nft", "delete", "table", "netdev", "probe");
                return Files.readString(events).contains("add table netdev probe");
            });
            host.restartAgent();
            host.reconcile();
            host.run("nft", "add", "table", "netdev", "last");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(events).contains("add table netdev last"));
        } finally {
            monitor.destroy();
        }
        List<List<String>> transactions = transactions(Files.readAllLines(events));
        Set<String> tables = new HashSet<>(Set.of("bridge " + TestHost.TABLE, "inet " + TestHost.TABLE));
        int replacements = 0;
        for (List<String> t : transactions) {
            for (String e : t) {
                if (e.startsWith("delete table ")) {
                    tables.remove(e.substring("delete table ".length()));
                } else if (e.startsWith("add table ")) {
                    tables.add(e.substring("add table ".length()));
                }
            }
            replacements += t.contains("delete table inet " + TestHost.TABLE) ? 1 : 0;
            assertTrue(tables.containsAll(Set.of("bridge " + TestHost.TABLE, "inet " + TestHost.TABLE)),
                    "after a transaction the host is without a table: " + t);
        }
        assertEquals(1, replacements, "the restarted agent replaced the tables once: " + transactions);
        assertHostIsS2();
    }

    /** The monitor's events, one list per kernel transaction ("# new generation" closes one). */
    static List<List<String>> transactions(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("# new generation")) {
                out.add(current);
                current = new ArrayList<>();
            } else if (!l.isBlank()) {
                current.add(l.strip());
            }
        }
        return out;
    }

    void assertHostIsS2() throws IOException {
        Map<String, Link> links = links();
        Set<String> mine = links.values().stream().filter(l -> "bridge".equals(l.kind()) || "vxlan".equals(l.kind()))
                .map(Link::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = new TreeSet<>(Set.of(HostPlanner.bridgeName(netN), HostPlanner.bridgeName(netK),
                "vxlan-5101", "vxlan-5103"));
        assertEquals(wanted, mine, "the bridges and VXLAN devices of S2, none of network M");
        assertEquals(HostPlanner.bridgeName(netK), links.get("vxlan-5103").master());
        assertEquals(wanted, new TreeSet<>(Files.readAllLines(host.stateDir.resolve("devices"))),
                "the ledger names exactly what the agent has made");

        String rules = host.nft.list("inet", TestHost.TABLE);
        assertTrue(rules.contains("chain egress_" + p1.tapName().replace('-', '_')), rules);
        assertTrue(rules.contains("chain egress_" + p5.tapName().replace('-', '_')), rules);
        assertFalse(rules.contains(p2.tapName().replace('-', '_')), "P2's chains are gone");
        assertFalse(rules.contains(p4.tapName().replace('-', '_')), "P4's chains are gone");
        assertTrue(rules.contains("tcp dport 80 accept"), rules);
        assertFalse(rules.contains("tcp dport 22 accept"), "the deleted rule is gone: " + rules);
        assertTrue(host.nft.list("bridge", TestHost.TABLE).contains(p5.tapName()), "P5 has anti-spoofing");

        assertTrue(dnsmasqRunning(netN));
        assertTrue(dnsmasqRunning(netK));
        assertFalse(dnsmasqRunning(netM), "network M's dnsmasq is stopped");
        assertFalse(Sh.run("ip", "netns", "list").text().contains("qdhcp-" + netM), "and its namespace removed");
        String hostsN = Files.readString(dhcpDir(netN).resolve("host"));
        assertTrue(hostsN.contains(p1.macAddress() + ",10.61.0.11"), hostsN);
        assertFalse(hostsN.contains(p2.macAddress()), "the deleted port has no lease any more: " + hostsN);
        assertTrue(Files.readString(dhcpDir(netK).resolve("host")).contains(p5.macAddress() + ",10.63.0.15"));
    }

    Map<String, Link> links() {
        return host.ip.links(null);
    }

    Path dhcpDir(UUID network) {
        return host.stateDir.resolve("dhcp").resolve(network.toString());
    }

    /** Whether a dnsmasq of this host's state directory serves the network (by the processes' command lines). */
    boolean dnsmasqRunning(UUID network) {
        return Sh.run("pgrep", "-f", "dnsmasq.*" + dhcpDir(network)).ok();
    }

    static NetworkInfo network(UUID id, int vni) {
        return new NetworkInfo(id, "vxlan", vni, null, 1450, true, 1);
    }

    static SubnetInfo subnet(UUID id, UUID network, String cidr) {
        return new SubnetInfo(id, network, 4, cidr, null, true, List.of(), List.of(), null, null, 1);
    }
}
