package io.strato.network.ports;

import io.strato.network.networks.Network;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Port binding as compute drives it: setting {@code binding:host_id} binds the port to that host's
 * agent, which plugs it into the network's Linux bridge ({@code brq} + the network id's first 11
 * characters, Neutron's linuxbridge naming); clearing it unbinds. An ordinary port is ACTIVE when
 * bound and administratively up, DOWN otherwise.
 */
final class Binding {
    static final String VIF_TYPE = "bridge";

    private Binding() {
    }

    static void bind(Port p, Network net, String host) {
        p.bindingHostId = host == null ? "" : host;
        if (p.bindingHostId.isEmpty()) {
            p.bindingVifType = "unbound";
            p.bindingVifDetails = new HashMap<>();
            return;
        }
        p.bindingVifType = VIF_TYPE;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("port_filter", true);
        details.put("connectivity", "l2");
        details.put("bridge_name", "brq" + net.id.toString().substring(0, 11));
        p.bindingVifDetails = details;
    }

    /**
     * Ordinary ports follow their binding; so does a router's port once bound to its router's host (an unbound one, of
     * a router no agent hosts, keeps its status); a floating IP's port keeps its N/A.
     */
    static void refreshStatus(Port p) {
        if (p.floatingIpPort() || p.routerPort() && p.bindingHostId.isEmpty()) {
            return;
        }
        p.status = !p.bindingHostId.isEmpty() && p.adminStateUp ? "ACTIVE" : "DOWN";
    }
}
