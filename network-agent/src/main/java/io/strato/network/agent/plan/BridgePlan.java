package io.strato.network.agent.plan;

import java.util.UUID;

/**
 * One Linux bridge per network on this host, and what joins it to the other hosts.
 *
 * @param uplink the device enslaved besides taps: {@code vxlan-<VNI>}, {@code <iface>.<vlan>}, {@code <iface>}, or
 *               none for a {@code local} network or when the physical network has no mapping here
 */
public record BridgePlan(UUID networkId, String bridge, int mtu, boolean up, Uplink uplink) {

    /** How the bridge reaches other hosts. */
    public sealed interface Uplink permits Vxlan, Vlan, Flat {
        String device();
    }

    /** A VXLAN device with the network's VNI; unknown destinations flood to every peer's tunnel address. */
    public record Vxlan(int vni) implements Uplink {
        @Override
        public String device() {
            return "vxlan-" + vni;
        }
    }

    /** An 802.1Q sub-interface of a physical interface. */
    public record Vlan(String iface, int vlanId) implements Uplink {
        @Override
        public String device() {
            return iface + "." + vlanId;
        }
    }

    /** The physical interface itself. */
    public record Flat(String iface) implements Uplink {
        @Override
        public String device() {
            return iface;
        }
    }
}
