package io.strato.network.agent.host;

/**
 * A network device as {@code ip -d -j link show} reports it.
 *
 * @param kind   {@code bridge}, {@code vxlan}, {@code veth}, {@code vlan}, or null for a plain device
 * @param master the bridge it is enslaved to, or null
 * @param vni    a VXLAN device's id, or null
 */
public record Link(String name, String kind, String master, int mtu, boolean up, String mac, Integer vni) {
}
