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

    /** Ports of routers and floating IPs keep the status they were created with; ordinary ports follow their binding. */
    static void refreshStatus(Port p) {
        if (p.ownedByAnotherFeature()) {
            return;
        }
        p.status = !p.bindingHostId.isEmpty() && p.adminStateUp ? "ACTIVE" : "DOWN";
    }
}
