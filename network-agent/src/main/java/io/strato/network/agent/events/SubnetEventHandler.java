package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.model.SubnetInfo;
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
        SubnetInfo s = NeutronJson.subnet(data);
        return "deleted".equals(action) ? state.removeSubnet(s.id(), s.revision()) : state.putSubnet(s);
    }
}
