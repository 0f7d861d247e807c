package io.strato.network.agent.plan;

import inet.ipaddr.IPAddressString;
import io.strato.network.agent.model.FloatingIpInfo;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RouterInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.state.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Decides which routers live on this host and what each needs. A router lives where its ports are bound
 * (network-service schedules it and binds its interface and gateway ports to the chosen host, as Neutron binds a
 * legacy router's ports to its L3 agent's host). A router that is administratively down has no namespace. Pure.
 */
public final class RouterPlanner {

    public static final String INTERFACE_OWNER = "network:router_interface";
    public static final String GATEWAY_OWNER = "network:router_gateway";

    private final String host;

    public RouterPlanner(String host) {
        this.host = host;
    }

    /** Whether the port is a router's leg (interface or gateway). */
    public static boolean routerPort(PortInfo p) {
        return INTERFACE_OWNER.equals(p.deviceOwner()) || GATEWAY_OWNER.equals(p.deviceOwner());
    }

    public List<RouterPlan> plan(Snapshot s) {
        Map<UUID, List<PortInfo>> legs = new TreeMap<>();
        for (PortInfo p : s.ports().values()) {
            if (routerPort(p) && p.boundTo(host)) {
                try {
                    legs.computeIfAbsent(UUID.fromString(p.deviceId()), r -> new ArrayList<>()).add(p);
                } catch (IllegalArgumentException e) {
                    // a router port whose device_id is no router id: nothing to build
                }
            }
        }
        List<RouterPlan> plans = new ArrayList<>();
        legs.forEach((routerId, ports) -> {
            RouterInfo router = s.routers().get(routerId);
            if (router == null || !router.adminStateUp()) {
                return;
            }
            ports.sort(Comparator.comparing(PortInfo::id));
            List<RouterPlan.Leg> interfaces = new ArrayList<>();
            RouterPlan.Leg gateway = null;
            PortInfo gatewayPort = null;
            for (PortInfo p : ports) {
                boolean external = GATEWAY_OWNER.equals(p.deviceOwner());
                RouterPlan.Leg leg = leg(s, p, external);
                if (external) {
                    gateway = leg;
                    gatewayPort = p;
                } else {
                    interfaces.add(leg);
                }
            }
            SubnetInfo external = gatewayPort == null ? null : ipv4Subnet(s, gatewayPort);
            String snat = null;
            if (external != null && router.enableSnat()) {
                snat = addressOn(gatewayPort, external.id());
            }
            List<RouterPlan.FloatingIp> fips = gateway == null ? List.of() : s.floatingIps().values().stream()
                    .filter(f -> f.mapped() && f.routerId().equals(routerId))
                    .sorted(Comparator.comparing(FloatingIpInfo::floatingIpAddress))
                    .map(f -> new RouterPlan.FloatingIp(f.floatingIpAddress(), f.fixedIpAddress()))
                    .toList();
            plans.add(new RouterPlan(routerId, List.copyOf(interfaces), gateway,
                    external == null ? null : external.gatewayIp(), snat, router.routes(), fips));
        });
        return List.copyOf(plans);
    }

    private static RouterPlan.Leg leg(Snapshot s, PortInfo p, boolean external) {
        NetworkInfo n = s.networks().get(p.networkId());
        List<String> addresses = new ArrayList<>();
        for (PortInfo.FixedIp ip : p.fixedIps()) {
            SubnetInfo subnet = s.subnets().get(ip.subnetId());
            if (subnet != null) {
                addresses.add(ip.ipAddress() + "/" + new IPAddressString(subnet.cidr()).getNetworkPrefixLength());
            }
        }
        return new RouterPlan.Leg(p.id(), p.networkId(),
                p.bridgeName() != null ? p.bridgeName() : HostPlanner.bridgeName(p.networkId()), p.macAddress(),
                n == null ? 1500 : n.mtu(), external, List.copyOf(addresses));
    }

    /** The subnet of the port's first IPv4 address, when known. */
    private static SubnetInfo ipv4Subnet(Snapshot s, PortInfo p) {
        return p.fixedIps().stream().map(ip -> s.subnets().get(ip.subnetId()))
                .filter(sub -> sub != null && sub.ipVersion() == 4)
                .findFirst().orElse(null);
    }

    private static String addressOn(PortInfo p, UUID subnet) {
        return p.fixedIps().stream().filter(ip -> ip.subnetId().equals(subnet)).map(PortInfo.FixedIp::ipAddress)
                .findFirst().orElse(null);
    }
}
