package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.state.ClusterState;

/**
 * {@code floatingip.created/updated/associated/disassociated/deleted}: each carries the floating IP as it was at
 * that revision; the highest revision wins, so a move's events may arrive in any order.
 */
public final class FloatingIpEventHandler implements EventHandler {

    private final ClusterState state;

    public FloatingIpEventHandler(ClusterState state) {
        this.state = state;
    }

    @Override
    public String kind() {
        return "floatingip";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        if ("deleted".equals(action)) {
            return state.removeFloatingIp(NeutronJson.id(data), data.path("revision_number").asLong(Long.MAX_VALUE));
        }
        return state.putFloatingIp(NeutronJson.floatingIp(data));
    }
}
