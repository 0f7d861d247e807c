package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.state.ClusterState;

/** {@code port.created/updated/bound/deleted}: every port is kept, wherever bound (remote groups and DHCP need them). */
public final class PortEventHandler implements EventHandler {

    private final ClusterState state;

    public PortEventHandler(ClusterState state) {
        this.state = state;
    }

    @Override
    public String kind() {
        return "port";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        PortInfo p = NeutronJson.port(data);
        return "deleted".equals(action) ? state.removePort(p.id(), p.revision()) : state.putPort(p);
    }
}
