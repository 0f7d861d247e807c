package io.strato.network.agent.plan;

import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.SubnetInfo;
import java.util.List;
import java.util.UUID;

/**
 * A DHCP server for one network on this host: dnsmasq in namespace {@code qdhcp-<network>}, on the network's
 * DHCP port (device_owner {@code network:dhcp}, bound here), answering the ports of the network's DHCP subnets.
 *
 * @param port     the DHCP port, or null while it does not exist yet (the agent asks network-service for one)
 * @param subnets  the network's subnets with {@code enable_dhcp}
 * @param hosts    one static entry per port of the network (any host) with an address in those subnets
 */
public record DhcpPlan(UUID networkId, String bridge, int mtu, PortInfo port, List<SubnetInfo> subnets,
        List<Host> hosts) {

    public String namespace() {
        return "qdhcp-" + networkId;
    }

    /** A static lease: MAC to address, and the name the guest gets. */
    public record Host(String mac, String ip, String hostname) {
    }
}
