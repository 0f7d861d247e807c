package io.strato.network.agent.plan;

import io.strato.network.agent.model.RouterInfo;
import java.util.List;
import java.util.UUID;

/**
 * A router hosted here: namespace {@code qrouter-<router>} with a leg on each of its networks' bridges (a veth:
 * {@code tap<port>} on the bridge, {@code qr-<port>} or {@code qg-<port>} inside with the port's MAC and
 * addresses), a default route through the external subnet's gateway, the extra routes, and NAT.
 *
 * @param gateway     the gateway leg, or null without an external gateway
 * @param nextHop     the external subnet's {@code gateway_ip} (the default route), or null
 * @param snatAddress the gateway port's IPv4 address the networks behind are translated to, or null (no SNAT)
 * @param floatingIps floating IP to fixed IP, one per associated floating IP of this router
 */
public record RouterPlan(UUID routerId, List<Leg> interfaces, Leg gateway, String nextHop, String snatAddress,
        List<RouterInfo.Route> routes, List<FloatingIp> floatingIps) {

    public String namespace() {
        return namespace(routerId);
    }

    public static String namespace(UUID routerId) {
        return "qrouter-" + routerId;
    }

    /** Every leg, interfaces first, then the gateway. */
    public List<Leg> legs() {
        if (gateway == null) {
            return interfaces;
        }
        List<Leg> all = new java.util.ArrayList<>(interfaces);
        all.add(gateway);
        return List.copyOf(all);
    }

    /**
     * One of the router's ports, as a veth between its network's bridge and the namespace.
     *
     * @param addresses the port's addresses with their subnets' prefix lengths ({@code 10.0.0.1/24})
     */
    public record Leg(UUID portId, UUID networkId, String bridge, String macAddress, int mtu, boolean external,
            List<String> addresses) {

        /** The bridge end: {@code tap} and the port id's first 11 characters, as for every port. */
        public String hostEnd() {
            return "tap" + portId.toString().substring(0, 11);
        }

        /** The namespace end: Neutron's {@code qg-} (gateway) or {@code qr-} (interface) and the same 11 characters. */
        public String device() {
            return (external ? "qg-" : "qr-") + portId.toString().substring(0, 11);
        }
    }

    /** A floating IP's mapping: traffic to {@code floatingIp} goes to {@code fixedIp}, and back from it. */
    public record FloatingIp(String floatingIp, String fixedIp) {
    }
}
