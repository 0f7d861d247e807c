package io.strato.compute.servers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stub network-service's port binding: as network-service's HostBindings, a port bound to a host whose
 * network agent is dead gets {@code binding:vif_type binding_failed} and stays DOWN; other hosts bind it
 * ({@code bridge} with the bridge in {@code binding:vif_details}, ACTIVE), and a port without a host is
 * {@code unbound}. Tests name the dead hosts.
 */
final class StubBindings {
    private final Set<String> deadAgents = ConcurrentHashMap.newKeySet();

    void agentDead(String host) {
        deadAgents.add(host);
    }

    /** Sets the port's vif type and status for its {@code binding:host_id}, as a create or update answers it. */
    void settle(ObjectNode port) {
        String host = port.path("binding:host_id").asText("");
        String vifType = host.isEmpty() ? "unbound" : deadAgents.contains(host) ? "binding_failed" : "bridge";
        port.put("binding:vif_type", vifType);
        if ("bridge".equals(vifType)) { // network-service's Binding names the network's bridge; another name here
            port.putObject("binding:vif_details").put("bridge_name", "brs" + port.path("network_id").asText()
                    .substring(0, 11));
        } else {
            port.putObject("binding:vif_details");
        }
        port.put("status", "bridge".equals(vifType) ? "ACTIVE" : "DOWN");
    }
}
