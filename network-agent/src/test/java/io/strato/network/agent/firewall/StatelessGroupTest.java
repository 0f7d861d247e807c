package io.strato.network.agent.firewall;

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
import io.strato.network.agent.testbed.NftCounters;
import io.strato.network.agent.testbed.Ports;
import io.strato.network.agent.testbed.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Neutron's {@code stateful=false} security groups on this kernel (a host made of a namespace, guests on its
 * bridge): the same rules admit a reply when the group is stateful and drop it when it is not, until a rule
 * admits the reply itself; the stateless port's packets bypass conntrack, except its replies to a stateful port,
 * whose own rules still rely on conntrack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatelessGroupTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static final String HOST = "sl-" + TAG;
    static final UUID NET = UUID.randomUUID();
    static final UUID SUBNET = UUID.randomUUID();
    static final UUID WEB = UUID.randomUUID();
    static final UUID SL = UUID.randomUUID();
    static final PortInfo ONE = Ports.guest(UUID.randomUUID(), NET, SUBNET, "fa:16:3e:51:00:01", "10.64.0.11",
            List.of(WEB), HOST);
    static final PortInfo TWO = Ports.guest(UUID.randomUUID(), NET, SUBNET, "fa:16:3e:51:00:02", "10.64.0.12",
            List.of(SL), HOST);
    static final PortInfo THREE = Ports.guest(UUID.randomUUID(), NET, SUBNET, "fa:16:3e:51:00:03", "10.64.0.13",
            List.of(SL), HOST);
    static final RuleInfo ICMP_IN = new RuleInfo(UUID.randomUUID(), SL, "ingress", "IPv4", "icmp", null, null, null, null);

    static ClusterState state;
    static TestHost host;
    static Guest one;
    static Guest two;
    static Guest three;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking(), "needs root, ip, nft, dnsmasq and busybox (.ci/run installs them)");
        state = new ClusterState();
        state.replaceAll(List.of(new NetworkInfo(NET, "local", null, null, 1500, true, 1)),
                List.of(new SubnetInfo(SUBNET, NET, 4, "10.64.0.0/24", null, false, List.of(), List.of(), null, null, 1)),
                List.of(ONE, TWO, THREE),
                List.of(new SecurityGroupInfo(WEB, true, 1), new SecurityGroupInfo(SL, true, 1)),
                List.of(new RuleInfo(UUID.randomUUID(), WEB, "egress", "IPv4", null, null, null, null, null), ICMP_IN));
        try {
            host = TestHost.start(HOST, "hv" + TAG, "127.0.0.1", Set::of, state::snapshot);
            host.reconcile();
            List<Guest> guests = new ArrayList<>();
            for (PortInfo p : List.of(ONE, TWO, THREE)) {
                Guest g = host.plug("vm" + TAG + p.macAddress().substring(15), p.tapName(), p.macAddress(),
                        HostPlanner.bridgeName(NET));
                g.address(p.fixedIps().get(0).ipAddress() + "/24");
                guests.add(g);
            }
            one = guests.get(0);
            two = guests.get(1);
            three = guests.get(2);
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

    @Test
    @Order(1)
    void aStatefulGroupAdmitsTheReplyToWhatItsRulesAdmitted() {
        one.reaches("10.64.0.12");
    }

    @Test
    @Order(2)
    void theSameRulesStatelessDropTheReplyForWantOfAnEgressRule() {
        state.putSecurityGroup(new SecurityGroupInfo(SL, false, 2), List.of());
        host.reconcile();
        assertTrue(one.cannotReach("10.64.0.12"), "the echo request is admitted, TWO's reply is not");
    }

    @Test
    @Order(3)
    void aRuleForTheRepliesLetsThemPassAndTheStatelessPortsPacketsAreNotTracked() throws Exception {
        // an observer beside the agent's tables: what conntrack made of TWO's packets
        Path probe = host.stateDir.resolve("probe.nft");
        Files.writeString(probe, """
                table inet probe {
                  chain observe {
                    type filter hook forward priority -50; policy accept;
                    ip saddr 10.64.0.12 ip daddr 10.64.0.13 ct state untracked counter
                    ip saddr 10.64.0.12 ip daddr 10.64.0.11 ct state established counter
                  }
                }
                """);
        TestHost.check(host.run("nft", "-f", probe.toString()));
        state.putRule(new RuleInfo(UUID.randomUUID(), SL, "egress", "IPv4", "icmp", null, null, null, null));
        host.reconcile();
        one.reaches("10.64.0.12");
        two.reaches("10.64.0.13");
        List<Long> counters = NftCounters.of(host.run("nft", "list", "chain", "inet", "probe", "observe").text());
        assertTrue(counters.get(0) > 0, "TWO to THREE (both stateless) is untracked: " + counters);
        assertTrue(counters.get(1) > 0, "TWO's replies to the stateful ONE are tracked, so ONE admits them: " + counters);
    }
}
