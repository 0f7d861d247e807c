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
 * @param options  the {@code extra_dhcp_opts} of those ports that have any, each handed to its port alone
 */
public record DhcpPlan(UUID networkId, String bridge, int mtu, PortInfo port, List<SubnetInfo> subnets,
        List<Host> hosts, List<PortOptions> options) {

    /** A network whose ports have no DHCP options of their own. */
    public DhcpPlan(UUID networkId, String bridge, int mtu, PortInfo port, List<SubnetInfo> subnets, List<Host> hosts) {
        this(networkId, bridge, mtu, port, subnets, hosts, List.of());
    }

    public String namespace() {
        return "qdhcp-" + networkId;
    }

    /** dnsmasq's tag of a port with options of its own, as Neutron's dnsmasq driver names it. */
    public static String portTag(UUID portId) {
        return "port-" + portId;
    }

    /**
     * A static lease: MAC to address, and the name the guest gets.
     *
     * @param tag the dnsmasq tag the lease sets ({@link #portTag}) when the port has options of its own, else null
     */
    public record Host(String mac, String ip, String hostname, String tag) {
        public Host(String mac, String ip, String hostname) {
            this(mac, ip, hostname, null);
        }
    }

    /** A port's own DHCP options, and the IP versions of its addresses (an option of another version is not served). */
    public record PortOptions(UUID portId, java.util.Set<Integer> ipVersions, List<PortInfo.DhcpOption> options) {
    }
}
