package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.state.ClusterState;

/**
 * {@code router.created/updated/deleted}: SNAT and extra routes. {@code interface_added/removed} carry the
 * interface, not the router, and change nothing here: the interface's port comes with its own port events.
 */
public final class RouterEventHandler implements EventHandler {

    private final ClusterState state;

    public RouterEventHandler(ClusterState state) {
        this.state = state;
    }

    @Override
    public String kind() {
        return "router";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        return switch (action) {
            case "created", "updated" -> state.putRouter(NeutronJson.router(data));
            case "deleted" -> state.removeRouter(NeutronJson.id(data), data.path("revision_number").asLong(Long.MAX_VALUE));
            default -> false;
        };
    }
}
