package io.strato.network.agent.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.network.agent.host.Nft;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.plan.FirewallPlan;
import io.strato.network.agent.plan.PortFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FirewallRendererTest {

    static final UUID WEB = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID DB = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID P1 = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final UUID P2 = UUID.fromString("66666666-7777-8888-9999-000000000000");
    static final UUID P3 = UUID.fromString("33333333-4444-5555-6666-777777777777");
    static final UUID DNS = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    static final UUID NET = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final Map<UUID, String> NETWORKS = Map.of(NET, "brq00000000-00");
    static final Map<UUID, Integer> ZONES = Map.of(NET, 4711);

    static RuleInfo rule(UUID group, String direction, String ethertype, String protocol, Integer min, Integer max,
            String prefix, UUID remote) {
        return new RuleInfo(UUID.randomUUID(), group, direction, ethertype, protocol, min, max, prefix, remote);
    }

    static FirewallPlan plan() {
        PortFilter web = new PortFilter(P1, "tap11111111-22", Set.of("fa:16:3e:00:00:01"),
                Set.of("10.0.0.5", "10.0.0.0/28"), Set.of("fd00::5"), List.of(WEB), true, true);
        PortFilter open = new PortFilter(P2, "tap66666666-77", Set.of("fa:16:3e:00:00:02"), Set.of("10.0.0.6"),
                Set.of(), List.of(), false, true);
        List<RuleInfo> rules = List.of(
                rule(WEB, "ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0", null),
                rule(WEB, "ingress", "IPv4", "tcp", 8000, 8080, "192.168.1.0/24", null),
                rule(WEB, "ingress", "IPv4", "icmp", 8, 0, null, null),
                rule(WEB, "ingress", "IPv4", "47", null, null, null, null),
                rule(WEB, "ingress", "IPv6", "icmp", null, null, null, null),
                rule(WEB, "ingress", "IPv4", null, null, null, null, DB),
                rule(WEB, "egress", "IPv4", null, null, null, null, null),
                rule(WEB, "egress", "IPv6", "udp", 53, null, "::/0", null));
        return new FirewallPlan(List.of(web, open), Map.of(WEB, rules),
                Map.of(DB, new FirewallPlan.Members(Set.of("10.0.0.9", "10.0.0.10", "10.0.0.8/30"), Set.of())), NETWORKS);
    }

    @Test
    void rulesBecomeMatches() {
        assertEquals("meta nfproto ipv4 meta l4proto 6 th dport 22 ",
                FirewallRenderer.rule(rule(WEB, "ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0", null)));
        assertEquals("meta nfproto ipv4 ip saddr 192.168.1.0/24 meta l4proto 17 th dport 1000-2000 ",
                FirewallRenderer.rule(rule(WEB, "ingress", "IPv4", "udp", 1000, 2000, "192.168.1.7/24", null)));
        assertEquals("meta nfproto ipv4 ip daddr 10.1.0.0/16 ",
                FirewallRenderer.rule(rule(WEB, "egress", "IPv4", null, null, null, "10.1.0.0/16", null)));
        assertEquals("meta nfproto ipv4 meta l4proto 1 icmp type 8 icmp code 0 ",
                FirewallRenderer.rule(rule(WEB, "ingress", "IPv4", "icmp", 8, 0, null, null)));
        assertEquals("meta nfproto ipv6 meta l4proto 58 icmpv6 type 128 ",
                FirewallRenderer.rule(rule(WEB, "ingress", "IPv6", "ipv6-icmp", 128, null, null, null)));
        assertEquals("meta nfproto ipv4 meta l4proto 47 ",
                FirewallRenderer.rule(rule(WEB, "ingress", "IPv4", "gre", null, null, null, null)));
        assertEquals("meta nfproto ipv4 ip saddr @rg_000000000000000000000000000000b2_4 meta l4proto 6 ",
                FirewallRenderer.rule(rule(WEB, "ingress", "IPv4", "tcp", null, null, null, DB)));
        // an IPv6 prefix on an IPv4 rule never matches: no rule rather than a wrong one
        assertNull(FirewallRenderer.rule(rule(WEB, "ingress", "IPv4", "tcp", 22, 22, "fd00::/8", null)));
        assertNull(FirewallRenderer.rule(rule(WEB, "ingress", "IPv4", "bogus", null, null, null, null)));
    }

    @Test
    void onlySecuredPortsAreFilteredAndEveryChainEndsInDrop() {
        String script = FirewallRenderer.render(plan(), Map.of(P1, 1, P2, 2), ZONES);
        assertTrue(script.contains("\"tap11111111-22\" : jump from_tap11111111_22"), script);
        assertFalse(script.contains("tap66666666"), "a port without port security gets no filter");
        String tag = String.format("0x%02x", FirewallRenderer.tag("strato"));
        assertTrue(script.contains("meta mark set " + tag + "001000"), script);
        assertTrue(script.contains(tag + "001000 : jump egress_tap11111111_22"), script);
        assertTrue(script.contains(tag + "000001 : jump ingress_tap11111111_22"), script);
        assertTrue(script.contains("meta mark set meta mark | " + tag + "000001"), script);
        // the address pair's /28 swallows the fixed IP: nft refuses overlapping elements
        assertTrue(script.contains("ether type ip ip saddr != { 10.0.0.0/28 } drop"), script);
        assertTrue(script.contains("elements = { 10.0.0.8/30 }"), script);
        String egress = script.substring(script.indexOf("chain egress_tap11111111_22"));
        egress = egress.substring(0, egress.indexOf("}\n"));
        assertTrue(egress.strip().endsWith("drop"), egress);
    }

    /** The plan, plus P3: a port whose only group DNS is stateless. */
    static FirewallPlan withStatelessPort() {
        FirewallPlan p = plan();
        PortFilter dns = new PortFilter(P3, "tap33333333-44", Set.of("fa:16:3e:00:00:03"), Set.of("10.0.0.7"), Set.of(),
                List.of(DNS), true, false);
        List<PortFilter> ports = new java.util.ArrayList<>(p.ports());
        ports.add(dns);
        Map<UUID, List<RuleInfo>> rules = new java.util.HashMap<>(p.groupRules());
        rules.put(DNS, List.of(rule(DNS, "ingress", "IPv4", "udp", 53, 53, null, null)));
        return new FirewallPlan(ports, rules, p.remoteGroups(), p.networks());
    }

    static String chain(String script, String name) {
        String c = script.substring(script.indexOf("chain " + name + " {"));
        return c.substring(0, c.indexOf("}\n"));
    }

    @Test
    void aStatelessPortsChainsNeverAskConntrackAndItsPacketsAreNotTracked() {
        String script = FirewallRenderer.render(withStatelessPort(), Map.of(P1, 1, P2, 2, P3, 3), ZONES);
        for (String c : List.of("egress_tap33333333_44", "ingress_tap33333333_44")) {
            assertFalse(chain(script, c).contains("ct state"), "a stateless port's replies need rules: " + chain(script, c));
            assertTrue(chain(script, c).strip().endsWith("drop"), chain(script, c));
        }
        assertTrue(chain(script, "sg_000000000000000000000000000000c3_ingress").contains("meta l4proto 17 th dport 53"),
                script);
        assertTrue(chain(script, "egress_tap11111111_22").contains("ct state established,related accept"),
                "the stateful port beside it keeps conntrack");
        // what it sends is untracked, except to a stateful port of this host, whose chains need the replies
        assertTrue(chain(script, "from_tap33333333_44").contains("ether daddr != @stateful_macs notrack"), script);
        assertTrue(script.contains("set stateful_macs {\n    type ether_addr;\n    elements = { fa:16:3e:00:00:01 }"),
                script);
        assertTrue(script.contains("set stateless_macs {\n    type ether_addr;\n    elements = { fa:16:3e:00:00:03 }"),
                script);
        String tag = String.format("0x%02x000000", FirewallRenderer.tag("strato"));
        assertTrue(chain(script, "prerouting").contains("meta mark and 0xff000000 != " + tag
                + " ether daddr @stateless_macs notrack"), "what reaches it from outside the filtered ports: " + script);
        assertFalse(chain(script, "from_tap11111111_22").contains("notrack"));
        assertFalse(FirewallRenderer.render(plan(), Map.of(P1, 1, P2, 2), ZONES).contains("notrack"),
                "no stateless port: nothing is left untracked");
    }

    @Test
    void eachNetworksPacketsAreTrackedInItsZoneByTheBridgeTheyCameInOn() {
        String script = FirewallRenderer.render(plan(), Map.of(P1, 1, P2, 2), ZONES);
        assertTrue(script.contains("map network_zones {\n    typeof iifname : ct zone;\n"
                + "    elements = { \"brq00000000-00\" : 4711 }"), script);
        String zone = chain(script, "zone");
        assertTrue(zone.contains("type filter hook prerouting priority raw;"), "before conntrack: " + zone);
        assertTrue(zone.contains("ct state != untracked ct zone set iifname map @network_zones"),
                "a stateless port's untracked packets stay untracked: " + zone);
        FirewallPlan before = plan();
        FirewallPlan otherNetwork = new FirewallPlan(before.ports(), before.groupRules(), before.remoteGroups(),
                Map.of(UUID.randomUUID(), "brq99999999-99"));
        assertEquals(null, FirewallRenderer.delta(before, otherNetwork, "t"), "a network changed: the tables are replaced");
    }

    @Test
    void twoTablesStampDifferentTags() {
        assertTrue(FirewallRenderer.tag("strato") != FirewallRenderer.tag("strato_test"));
        assertTrue(FirewallRenderer.tag("strato") > 0 && FirewallRenderer.tag("strato") < 256);
    }

    @Test
    void theKernelAcceptsTheScript() {
        Assumptions.assumeTrue(NftProbe.available(), "needs root and nft (the CI machine has both)");
        new Nft().check(FirewallRenderer.render(plan(), Map.of(P1, 1, P2, 2), ZONES));
        new Nft().check(FirewallRenderer.render(withStatelessPort(), Map.of(P1, 1, P2, 2, P3, 3), ZONES));
        new Nft().check(FirewallRenderer.render(new FirewallPlan(List.of(), Map.of(), Map.of(), Map.of()), Map.of(), Map.of()));
    }

    @Test
    void aRuleOrMemberChangeIsASmallTransactionAndAPortChangeIsNot() {
        FirewallPlan before = plan();
        List<RuleInfo> more = new java.util.ArrayList<>(before.groupRules().get(WEB));
        more.add(rule(WEB, "ingress", "IPv4", "udp", 53, 53, null, null));
        FirewallPlan ruleAdded = new FirewallPlan(before.ports(), Map.of(WEB, more), before.remoteGroups(), before.networks());
        String delta = FirewallRenderer.delta(before, ruleAdded, "t");
        assertTrue(delta.startsWith("flush chain inet t sg_000000000000000000000000000000a1_ingress\n"), delta);
        assertTrue(delta.contains("add rule inet t sg_000000000000000000000000000000a1_ingress meta nfproto ipv4 "
                + "meta l4proto 17 th dport 53 accept\n"), delta);
        assertTrue(delta.contains("flush chain inet t sg_000000000000000000000000000000a1_egress\n"), delta);
        assertFalse(delta.contains("flush set"), delta);

        FirewallPlan memberGone = new FirewallPlan(before.ports(), before.groupRules(),
                Map.of(DB, new FirewallPlan.Members(Set.of("10.0.0.9"), Set.of())), before.networks());
        assertEquals("flush set inet t rg_000000000000000000000000000000b2_4\n"
                + "add element inet t rg_000000000000000000000000000000b2_4 { 10.0.0.9 }\n",
                FirewallRenderer.delta(before, memberGone, "t"));

        assertEquals("", FirewallRenderer.delta(before, new FirewallPlan(before.ports(), before.groupRules(),
                before.remoteGroups(), before.networks()), "t"), "the same plan: nothing to write");
        FirewallPlan portGone = new FirewallPlan(before.ports().subList(0, 1), before.groupRules(), before.remoteGroups(),
                before.networks());
        assertEquals(null, FirewallRenderer.delta(before, portGone, "t"), "a port less: the tables are replaced");
    }
}
