package io.strato.network.agent.testbed;

import io.strato.network.agent.model.PortInfo;
import java.util.List;
import java.util.UUID;

/** Ports as network-service's admin view would give them to the agent. */
public final class Ports {

    private Ports() {
    }

    /** A server's port, bound to {@code host}, with port security and the given groups. */
    public static PortInfo guest(UUID id, UUID network, UUID subnet, String mac, String address, List<UUID> groups,
            String host) {
        return new PortInfo(id, network, mac, List.of(new PortInfo.FixedIp(subnet, address)), groups, List.of(), true,
                host, null, "compute:nova", "server-" + id, true, null, "project-1", "DOWN", 1);
    }

    /** The network's DHCP port, bound to {@code host} (its agent serves the network). */
    public static PortInfo dhcp(UUID id, UUID network, UUID subnet, String mac, String address, String host) {
        return new PortInfo(id, network, mac, List.of(new PortInfo.FixedIp(subnet, address)), List.of(), List.of(),
                false, host, null, "network:dhcp", "dhcp-" + host, true, null, "project-1", "DOWN", 1);
    }

    /** A router's leg: its interface ({@code external} false) or gateway port, bound to {@code host}. */
    public static PortInfo router(UUID id, UUID router, boolean external, UUID network, UUID subnet, String mac,
            String address, String host) {
        return new PortInfo(id, network, mac, List.of(new PortInfo.FixedIp(subnet, address)), List.of(), List.of(),
                false, host, null, external ? "network:router_gateway" : "network:router_interface", router.toString(),
                true, null, "project-1", "DOWN", 1);
    }

    /** The same port at a later revision with other groups. */
    public static PortInfo withGroups(PortInfo p, List<UUID> groups) {
        return new PortInfo(p.id(), p.networkId(), p.macAddress(), p.fixedIps(), groups, p.allowedAddressPairs(),
                p.portSecurityEnabled(), p.hostId(), p.bridgeName(), p.deviceOwner(), p.deviceId(), p.adminStateUp(),
                p.dnsName(), p.projectId(), p.status(), p.revision() + 1);
    }
}
