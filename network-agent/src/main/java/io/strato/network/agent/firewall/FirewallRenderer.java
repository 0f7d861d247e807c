package io.strato.network.agent.firewall;

import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.plan.FirewallPlan;
import io.strato.network.agent.plan.PortFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Renders a {@link FirewallPlan} as one nft script that replaces Strato's two tables in a single transaction
 * (packets see the old rules or the new ones, never none):
 *
 * <ul>
 * <li>{@code bridge strato}: per port, anti-spoofing (MAC, ARP, IPv4/IPv6 source, no DHCP or RA server) on
 * frames from its tap, and the port numbers stamped into the packet mark: the table's tag in the top 8 bits,
 * the source port's number in the next 12 (prerouting), the destination port's in the low 12 (forward, before
 * br_netfilter's IP hooks); the tag keeps two agents' tables on one kernel (a test beside a cloud) apart;</li>
 * <li>{@code inet strato}: security groups in the forward hook, reached through the mark: {@code egress}
 * (priority 0) runs the source port's groups, {@code ingress} (priority 10) the destination port's, each ending
 * in drop; remote groups are nft sets of member addresses. A stateful port's chains admit what conntrack says is
 * established; a stateless one's (all its groups {@code stateful=false}) admit only what a rule says. Its
 * {@code zone} chain (prerouting, raw priority, before conntrack) gives each network's packets their network's
 * conntrack zone, by the bridge they came in on (br_netfilter's IP hooks see the bridge as the input device), so
 * that overlapping addresses on two networks are two connections.</li>
 * </ul>
 *
 * <p>Packets of stateless ports are not tracked ({@code notrack} in the bridge table's prerouting, before
 * br_netfilter's conntrack): those they send, and those sent to them from anything but a filtered port of this
 * table. Exception: what a stateless port sends to a stateful port of this host stays tracked, since that port's
 * chains need its replies to be established (so a stateful guest keeps its semantics whoever it talks to).
 *
 * Pure: the same plan and numbering give the same text.
 */
public final class FirewallRenderer {

    /** The tables' name unless configured otherwise. */
    public static final String TABLE = "strato";

    private FirewallRenderer() {
    }

    /** The script; {@code index} numbers every port of the plan, {@code zones} every network of it. */
    public static String render(FirewallPlan plan, Map<UUID, Integer> index, Map<UUID, Integer> zones) {
        return render(plan, index, zones, TABLE);
    }

    /** The script for tables named {@code table} (tests use their own, beside a running agent's). */
    public static String render(FirewallPlan plan, Map<UUID, Integer> index, Map<UUID, Integer> zones, String table) {
        StringBuilder out = new StringBuilder(4096);
        // create-if-missing then delete: the replacement below starts from nothing, in the same transaction
        out.append("table bridge ").append(table).append('\n');
        out.append("delete table bridge ").append(table).append('\n');
        out.append("table inet ").append(table).append('\n');
        out.append("delete table inet ").append(table).append('\n');
        bridgeTable(out, plan, index, table);
        inetTable(out, plan, index, zones, table);
        return out.toString();
    }

    /** The table's 8-bit tag in the mark (never 0, so a stamped mark is never an unstamped one). */
    static int tag(String table) {
        return 1 + Math.floorMod(table.hashCode(), 255);
    }

    static int source(String table, int port) {
        return tag(table) << 24 | port << 12;
    }

    static int destination(String table, int port) {
        return tag(table) << 24 | port;
    }

    private static void bridgeTable(StringBuilder out, FirewallPlan plan, Map<UUID, Integer> index, String table) {
        List<PortFilter> secured = plan.ports().stream().filter(PortFilter::secured).toList();
        out.append("table bridge ").append(table).append(" {\n");
        map(out, "ports_from", "ifname : verdict",
                secured.stream().map(p -> quote(p.tap()) + " : jump from_" + name(p.tap())).toList());
        map(out, "ports_to", "ifname : verdict",
                secured.stream().map(p -> quote(p.tap()) + " : jump to_" + name(p.tap())).toList());
        List<PortFilter> stateless = secured.stream().filter(p -> !p.stateful()).toList();
        if (!stateless.isEmpty()) {
            etherSet(out, "stateful_macs", secured.stream().filter(PortFilter::stateful).toList());
            etherSet(out, "stateless_macs", stateless);
        }
        out.append("  chain prerouting {\n    type filter hook prerouting priority -300; policy accept;\n")
                .append("    iifname vmap @ports_from\n");
        if (!stateless.isEmpty()) {
            // to a stateless port from anything that is not one of this table's filtered ports (they set the tag)
            out.append("    meta mark and 0xff000000 != ").append(hex(tag(table) << 24))
                    .append(" ether daddr @stateless_macs notrack\n");
        }
        out.append("  }\n");
        out.append("  chain forward {\n    type filter hook forward priority -10; policy accept;\n")
                .append("    oifname vmap @ports_to\n  }\n");
        for (PortFilter p : secured) {
            int n = index.get(p.portId());
            out.append("  chain from_").append(name(p.tap())).append(" {\n");
            out.append("    meta mark set ").append(hex(source(table, n))).append('\n');
            out.append("    ether saddr != ").append(set(p.macs())).append(" drop\n");
            List<String> arpSources = new ArrayList<>(List.of("0.0.0.0"));
            arpSources.addAll(Addresses.merged(p.ipv4()));
            out.append("    ether type arp arp saddr ether != ").append(set(p.macs())).append(" drop\n");
            out.append("    ether type arp arp saddr ip != ").append(set(arpSources)).append(" drop\n");
            out.append("    ether type ip ip saddr 0.0.0.0 udp sport 68 udp dport 67 return\n");
            List<String> v4 = Addresses.merged(p.ipv4());
            if (v4.isEmpty()) {
                out.append("    ether type ip drop\n");
            } else {
                out.append("    ether type ip ip saddr != ").append(set(v4)).append(" drop\n");
            }
            out.append("    ether type ip udp sport 67 drop\n");
            List<String> v6 = new ArrayList<>(List.of("::", "fe80::/10"));
            v6.addAll(p.ipv6());
            out.append("    ether type ip6 ip6 saddr != ").append(set(Addresses.merged(v6))).append(" drop\n");
            out.append("    ether type ip6 icmpv6 type nd-router-advert drop\n");
            out.append("    ether type ip6 udp sport 547 drop\n");
            out.append("    ether type != { arp, ip, ip6 } drop\n");
            if (!p.stateful()) {
                out.append("    ether daddr != @stateful_macs notrack\n");
            }
            out.append("  }\n");
            out.append("  chain to_").append(name(p.tap())).append(" {\n");
            out.append("    meta mark set meta mark | ").append(hex(destination(table, n))).append('\n');
            out.append("  }\n");
        }
        out.append("}\n");
    }

    private static void inetTable(StringBuilder out, FirewallPlan plan, Map<UUID, Integer> index,
            Map<UUID, Integer> zones, String table) {
        List<PortFilter> secured = plan.ports().stream().filter(PortFilter::secured).toList();
        out.append("table inet ").append(table).append(" {\n");
        conntrackZones(out, plan, zones);
        plan.remoteGroups().forEach((group, members) -> {
            addressSet(out, groupSet(group, false), "ipv4_addr", Addresses.merged(members.ipv4()));
            addressSet(out, groupSet(group, true), "ipv6_addr", Addresses.merged(members.ipv6()));
        });
        map(out, "egress_ports", "mark : verdict", secured.stream()
                .map(p -> hex(source(table, index.get(p.portId()))) + " : jump egress_" + name(p.tap())).toList());
        map(out, "ingress_ports", "mark : verdict", secured.stream()
                .map(p -> hex(destination(table, index.get(p.portId()))) + " : jump ingress_" + name(p.tap())).toList());
        out.append("  chain egress {\n    type filter hook forward priority 0; policy accept;\n")
                .append("    meta mark and 0xfffff000 vmap @egress_ports\n  }\n");
        out.append("  chain ingress {\n    type filter hook forward priority 10; policy accept;\n")
                .append("    meta mark and 0xff000fff vmap @ingress_ports\n  }\n");
        for (PortFilter p : secured) {
            out.append("  chain egress_").append(name(p.tap())).append(" {\n");
            conntrack(out, p);
            out.append("    meta nfproto ipv4 udp sport 68 udp dport 67 accept\n");
            out.append("    meta nfproto ipv6 udp sport 546 udp dport 547 accept\n");
            out.append("    icmpv6 type { nd-router-solicit, nd-neighbor-solicit, nd-neighbor-advert } accept\n");
            for (UUID g : p.groups()) {
                out.append("    jump ").append(groupChain(g, false)).append('\n');
            }
            out.append("    drop\n  }\n");
            out.append("  chain ingress_").append(name(p.tap())).append(" {\n");
            conntrack(out, p);
            out.append("    meta nfproto ipv4 udp sport 67 udp dport 68 accept\n");
            out.append("    meta nfproto ipv6 udp sport 547 udp dport 546 accept\n");
            out.append("    icmpv6 type { nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept\n");
            for (UUID g : p.groups()) {
                out.append("    jump ").append(groupChain(g, true)).append('\n');
            }
            out.append("    drop\n  }\n");
        }
        plan.groupRules().forEach((group, rules) -> {
            for (boolean ingress : new boolean[] {true, false}) {
                out.append("  chain ").append(groupChain(group, ingress)).append(" {\n");
                for (RuleInfo r : rules) {
                    if (r.ingress() == ingress) {
                        String match = rule(r);
                        if (match != null) {
                            out.append("    ").append(match).append("accept\n");
                        }
                    }
                }
                out.append("  }\n");
            }
        });
        out.append("}\n");
    }

    /**
     * Each network's bridge to its zone; packets a stateless port's rules left untracked stay so (a zone would
     * make them tracked again).
     */
    private static void conntrackZones(StringBuilder out, FirewallPlan plan, Map<UUID, Integer> zones) {
        out.append("  map network_zones {\n    typeof iifname : ct zone;\n");
        List<String> elements = new java.util.TreeMap<>(plan.networks()).entrySet().stream()
                .map(e -> quote(e.getValue()) + " : " + zones.get(e.getKey())).toList();
        if (!elements.isEmpty()) {
            out.append("    elements = { ").append(String.join(",\n      ", elements)).append(" }\n");
        }
        out.append("  }\n");
        out.append("  chain zone {\n    type filter hook prerouting priority raw; policy accept;\n")
                .append("    ct state != untracked ct zone set iifname map @network_zones\n  }\n");
    }

    /**
     * The small transaction that turns {@code before} into {@code after} when only group rules and remote-group
     * members differ (same ports and networks, same numbering, same groups): each changed group chain flushed and refilled,
     * each changed member set flushed and refilled; empty text when nothing differs. Null when the change is
     * structural (a port, a group or a remote group added or removed), which needs {@link #render}.
     */
    public static String delta(FirewallPlan before, FirewallPlan after, String table) {
        if (!before.ports().equals(after.ports()) || !before.networks().equals(after.networks())
                || !before.groupRules().keySet().equals(after.groupRules().keySet())
                || !before.remoteGroups().keySet().equals(after.remoteGroups().keySet())) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        after.groupRules().forEach((group, rules) -> {
            if (rules.equals(before.groupRules().get(group))) {
                return;
            }
            for (boolean ingress : new boolean[] {true, false}) {
                String chain = groupChain(group, ingress);
                out.append("flush chain inet ").append(table).append(' ').append(chain).append('\n');
                for (RuleInfo r : rules) {
                    if (r.ingress() == ingress) {
                        String match = rule(r);
                        if (match != null) {
                            out.append("add rule inet ").append(table).append(' ').append(chain).append(' ')
                                    .append(match).append("accept\n");
                        }
                    }
                }
            }
        });
        after.remoteGroups().forEach((group, members) -> {
            FirewallPlan.Members old = before.remoteGroups().get(group);
            if (!members.ipv4().equals(old.ipv4())) {
                refill(out, table, groupSet(group, false), Addresses.merged(members.ipv4()));
            }
            if (!members.ipv6().equals(old.ipv6())) {
                refill(out, table, groupSet(group, true), Addresses.merged(members.ipv6()));
            }
        });
        return out.toString();
    }

    private static void refill(StringBuilder out, String table, String set, List<String> elements) {
        out.append("flush set inet ").append(table).append(' ').append(set).append('\n');
        if (!elements.isEmpty()) {
            out.append("add element inet ").append(table).append(' ').append(set).append(" { ")
                    .append(String.join(", ", elements)).append(" }\n");
        }
    }

    /** The match part of one rule (ending in a space), or null when it can never match (e.g. a family mismatch). */
    static String rule(RuleInfo r) {
        boolean v6 = r.ipv6();
        StringBuilder m = new StringBuilder(v6 ? "meta nfproto ipv6 " : "meta nfproto ipv4 ");
        String ip = v6 ? "ip6" : "ip";
        String peer = r.ingress() ? "saddr" : "daddr";
        if (r.remoteIpPrefix() != null) {
            List<String> prefix = Addresses.merged(List.of(r.remoteIpPrefix()));
            if (prefix.isEmpty() || prefix.get(0).contains(":") != v6) {
                return null;
            }
            if (!prefix.get(0).endsWith("/0")) {
                m.append(ip).append(' ').append(peer).append(' ').append(prefix.get(0)).append(' ');
            }
        }
        if (r.remoteGroupId() != null) {
            m.append(ip).append(' ').append(peer).append(" @").append(groupSet(r.remoteGroupId(), v6)).append(' ');
        }
        OptionalInt proto;
        try {
            proto = Protocols.number(r.protocol());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (proto.isPresent()) {
            int p = proto.getAsInt();
            if (v6 && p == Protocols.ICMP) {
                p = Protocols.ICMPV6;
            }
            m.append("meta l4proto ").append(p).append(' ');
            if (Protocols.hasPorts(p) && r.portRangeMin() != null) {
                m.append("th dport ").append(r.portRangeMin());
                if (r.portRangeMax() != null && !r.portRangeMax().equals(r.portRangeMin())) {
                    m.append('-').append(r.portRangeMax());
                }
                m.append(' ');
            } else if ((p == Protocols.ICMP || p == Protocols.ICMPV6) && r.portRangeMin() != null) {
                String icmp = p == Protocols.ICMP ? "icmp" : "icmpv6";
                m.append(icmp).append(" type ").append(r.portRangeMin()).append(' ');
                if (r.portRangeMax() != null) {
                    m.append(icmp).append(" code ").append(r.portRangeMax()).append(' ');
                }
            }
        }
        return m.toString();
    }

    static String groupChain(UUID group, boolean ingress) {
        return "sg_" + compact(group) + (ingress ? "_ingress" : "_egress");
    }

    static String groupSet(UUID group, boolean v6) {
        return "rg_" + compact(group) + (v6 ? "_6" : "_4");
    }

    /** A stateful port's chain first admits what conntrack knows; a stateless port's never asks conntrack. */
    private static void conntrack(StringBuilder out, PortFilter p) {
        if (p.stateful()) {
            out.append("    ct state established,related accept\n    ct state invalid drop\n");
        }
    }

    private static void etherSet(StringBuilder out, String name, List<PortFilter> ports) {
        List<String> macs = ports.stream().flatMap(p -> p.macs().stream()).distinct().sorted().toList();
        out.append("  set ").append(name).append(" {\n    type ether_addr;\n");
        if (!macs.isEmpty()) {
            out.append("    elements = { ").append(String.join(", ", macs)).append(" }\n");
        }
        out.append("  }\n");
    }

    private static void addressSet(StringBuilder out, String name, String type, List<String> elements) {
        out.append("  set ").append(name).append(" {\n    type ").append(type).append("; flags interval;\n");
        if (!elements.isEmpty()) {
            out.append("    elements = { ").append(String.join(", ", elements)).append(" }\n");
        }
        out.append("  }\n");
    }

    private static void map(StringBuilder out, String name, String type, List<String> elements) {
        out.append("  map ").append(name).append(" {\n    type ").append(type).append(";\n");
        if (!elements.isEmpty()) {
            out.append("    elements = { ").append(String.join(",\n      ", elements)).append(" }\n");
        }
        out.append("  }\n");
    }

    private static String set(Iterable<String> items) {
        return "{ " + String.join(", ", items) + " }";
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }

    private static String name(String device) {
        return device.replace('-', '_');
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }

    private static String hex(int v) {
        return String.format("0x%08x", v);
    }
}
