package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.state.ClusterState;

/** {@code network.created/updated/deleted}: type, segmentation id, MTU and admin state of bridges. */
public final class NetworkEventHandler implements EventHandler {

    private final ClusterState state;

    public NetworkEventHandler(ClusterState state) {
        this.state = state;
    }

    @Override
    public String kind() {
        return "network";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        NetworkInfo n = NeutronJson.network(data);
        return "deleted".equals(action) ? state.removeNetwork(n.id(), n.revision()) : state.putNetwork(n);
    }
}
