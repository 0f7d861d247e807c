package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.state.ClusterState;

/** {@code subnet.created/updated/deleted}: what DHCP serves. */
public final class SubnetEventHandler implements EventHandler {

    private final ClusterState state;

    public SubnetEventHandler(ClusterState state) {
        this.state = state;
    }

    @Override
    public String kind() {
        return "subnet";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        if ("deleted".equals(action)) {
            // a network's delete announces its subnets with their ids only
            return state.removeSubnet(NeutronJson.id(data), data.path("revision_number").asLong(Long.MAX_VALUE));
        }
        return state.putSubnet(NeutronJson.subnet(data));
    }
}
