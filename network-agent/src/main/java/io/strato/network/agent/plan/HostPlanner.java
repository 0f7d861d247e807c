package io.strato.network.agent.plan;

import inet.ipaddr.IPAddressString;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.state.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Decides what one host must have, from the cluster state: a bridge per network with a port bound here, a
 * filter per such port (anti-spoofing and its security groups, with the member addresses of remote groups),
 * a DHCP server per such network with DHCP subnets, and the routers hosted here ({@link RouterPlanner}) with a
 * bridge for each of their networks. Pure: the same snapshot gives the same plan.
 */
public final class HostPlanner {

    /** The DHCP port's {@code device_owner}, as Neutron's DHCP agent creates it. */
    public static final String DHCP_OWNER = "network:dhcp";

    private final String host;
    private final Map<String, String> physicalInterfaces;
    private final RouterPlanner routers;

    /**
     * @param host               this host's name, as compute binds ports ({@code binding:host_id})
     * @param physicalInterfaces physical network name to host interface, for {@code flat} and {@code vlan} networks
     */
    public HostPlanner(String host, Map<String, String> physicalInterfaces) {
        this.host = host;
        this.physicalInterfaces = Map.copyOf(physicalInterfaces);
        this.routers = new RouterPlanner(host);
    }

    public HostPlan plan(Snapshot s) {
        List<PortInfo> local = s.ports().values().stream()
                .filter(p -> p.boundTo(host) && !p.networkOwned())
                .sorted(Comparator.comparing(PortInfo::id))
                .toList();
        Map<UUID, String> bridges = new TreeMap<>();
        for (PortInfo p : local) {
            bridges.putIfAbsent(p.networkId(), p.bridgeName() != null ? p.bridgeName() : bridgeName(p.networkId()));
        }
        // DHCP serves the networks of this host's guests; a router's networks need their bridges only
        Set<UUID> guestNetworks = Set.copyOf(bridges.keySet());
        List<RouterPlan> routerPlans = routers.plan(s);
        routerPlans.forEach(r -> r.legs().forEach(leg -> bridges.putIfAbsent(leg.networkId(), leg.bridge())));
        List<BridgePlan> bridgePlans = new ArrayList<>();
        List<DhcpPlan> dhcp = new ArrayList<>();
        bridges.forEach((networkId, bridge) -> {
            NetworkInfo n = s.networks().get(networkId);
            bridgePlans.add(new BridgePlan(networkId, bridge, n == null ? 1500 : n.mtu(), n == null || n.adminStateUp(),
                    n == null ? null : uplink(n)));
            DhcpPlan d = guestNetworks.contains(networkId) ? dhcp(s, networkId, bridge, n == null ? 1500 : n.mtu()) : null;
            if (d != null) {
                dhcp.add(d);
            }
        });
        return new HostPlan(List.copyOf(bridgePlans), firewall(s, local, bridges), List.copyOf(dhcp), routerPlans);
    }

    /** Neutron's linuxbridge name for a network's bridge, used when a port carries no {@code bridge_name}. */
    public static String bridgeName(UUID networkId) {
        return "brq" + networkId.toString().substring(0, 11);
    }

    private BridgePlan.Uplink uplink(NetworkInfo n) {
        String iface = n.physicalNetwork() == null ? null : physicalInterfaces.get(n.physicalNetwork());
        return switch (n.networkType()) {
            case "vxlan" -> n.segmentationId() == null ? null : new BridgePlan.Vxlan(n.segmentationId());
            case "vlan" -> iface == null || n.segmentationId() == null ? null : new BridgePlan.Vlan(iface, n.segmentationId());
            case "flat" -> iface == null ? null : new BridgePlan.Flat(iface);
            default -> null;
        };
    }

    private DhcpPlan dhcp(Snapshot s, UUID networkId, String bridge, int mtu) {
        List<SubnetInfo> subnets = s.subnets().values().stream()
                .filter(sub -> sub.networkId().equals(networkId) && sub.enableDhcp())
                .sorted(Comparator.comparing(SubnetInfo::id))
                .toList();
        if (subnets.isEmpty()) {
            return null;
        }
        Set<UUID> dhcpSubnets = new LinkedHashSet<>();
        subnets.forEach(sub -> dhcpSubnets.add(sub.id()));
        PortInfo dhcpPort = s.ports().values().stream()
                .filter(p -> p.networkId().equals(networkId) && DHCP_OWNER.equals(p.deviceOwner()) && p.boundTo(host))
                .min(Comparator.comparing(PortInfo::id))
                .orElse(null);
        List<DhcpPlan.Host> hosts = new ArrayList<>();
        List<DhcpPlan.PortOptions> options = new ArrayList<>();
        s.ports().values().stream()
                .filter(p -> p.networkId().equals(networkId) && !p.networkOwned())
                .sorted(Comparator.comparing(PortInfo::id))
                .forEach(p -> {
                    boolean own = !p.extraDhcpOpts().isEmpty();
                    String tag = own ? DhcpPlan.portTag(p.id()) : null;
                    p.fixedIps().stream()
                            .filter(ip -> dhcpSubnets.contains(ip.subnetId()))
                            .forEach(ip -> hosts.add(new DhcpPlan.Host(p.macAddress(), ip.ipAddress(),
                                    hostname(p, ip.ipAddress()), tag)));
                    if (own) {
                        Set<Integer> versions = new java.util.TreeSet<>();
                        p.fixedIps().forEach(ip -> versions.add(ip.ipAddress().contains(":") ? 6 : 4));
                        options.add(new DhcpPlan.PortOptions(p.id(), Set.copyOf(versions), p.extraDhcpOpts()));
                    }
                });
        return new DhcpPlan(networkId, bridge, mtu, dhcpPort, subnets, List.copyOf(hosts), List.copyOf(options));
    }

    /** The port's {@code dns_name}, else Neutron's {@code host-<address with dashes>}. */
    static String hostname(PortInfo p, String ip) {
        if (p.dnsName() != null && !p.dnsName().isBlank()) {
            return p.dnsName();
        }
        return "host-" + ip.replace('.', '-').replace(':', '-');
    }

    private FirewallPlan firewall(Snapshot s, List<PortInfo> local, Map<UUID, String> bridges) {
        List<PortFilter> filters = new ArrayList<>();
        Map<UUID, List<RuleInfo>> groupRules = new TreeMap<>();
        for (PortInfo p : local) {
            Set<String> macs = new LinkedHashSet<>();
            macs.add(p.macAddress().toLowerCase());
            Set<String> v4 = new LinkedHashSet<>();
            Set<String> v6 = new LinkedHashSet<>();
            p.fixedIps().forEach(ip -> addAddress(ip.ipAddress(), v4, v6));
            p.allowedAddressPairs().forEach(pair -> {
                macs.add(pair.macAddress().toLowerCase());
                addAddress(pair.ipAddress(), v4, v6);
            });
            boolean secured = p.portSecurityEnabled();
            List<UUID> groups = secured ? p.securityGroups() : List.of();
            filters.add(new PortFilter(p.id(), p.tapName(), macs, v4, v6, groups, secured, stateful(s, groups)));
            for (UUID g : groups) {
                groupRules.computeIfAbsent(g, id -> s.rules().values().stream()
                        .filter(r -> r.securityGroupId().equals(id))
                        .sorted(Comparator.comparing(RuleInfo::id))
                        .toList());
            }
        }
        Map<UUID, FirewallPlan.Members> remote = new TreeMap<>();
        groupRules.values().forEach(rules -> rules.stream().map(RuleInfo::remoteGroupId)
                .filter(java.util.Objects::nonNull)
                .forEach(g -> remote.computeIfAbsent(g, id -> members(s, id))));
        return new FirewallPlan(List.copyOf(filters), groupRules, remote, Map.copyOf(bridges));
    }

    /** Whether any of the groups is stateful (an unknown group counts as stateful, Neutron's default); true for none. */
    private static boolean stateful(Snapshot s, List<UUID> groups) {
        return groups.isEmpty() || groups.stream().anyMatch(g -> {
            SecurityGroupInfo info = s.securityGroups().get(g);
            return info == null || info.stateful();
        });
    }

    private static FirewallPlan.Members members(Snapshot s, UUID group) {
        Set<String> v4 = new java.util.TreeSet<>();
        Set<String> v6 = new java.util.TreeSet<>();
        for (PortInfo p : s.ports().values()) {
            if (p.securityGroups().contains(group)) {
                p.fixedIps().forEach(ip -> addAddress(ip.ipAddress(), v4, v6));
                p.allowedAddressPairs().forEach(pair -> addAddress(pair.ipAddress(), v4, v6));
            }
        }
        return new FirewallPlan.Members(v4, v6);
    }

    /** Adds an address or CIDR, normalised (host bits cleared), to the set of its family; ignores what does not parse. */
    private static void addAddress(String text, Set<String> v4, Set<String> v6) {
        var address = new IPAddressString(text).getAddress();
        if (address == null) {
            return;
        }
        String normal = address.isPrefixed() && address.getNetworkPrefixLength() < address.getBitCount()
                ? address.toPrefixBlock().toCanonicalString()
                : address.withoutPrefixLength().toCanonicalString();
        (address.isIPv4() ? v4 : v6).add(normal);
    }
}
