package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.state.ClusterState;

/** {@code security_group.created/updated/deleted}, with the rules the group's JSON lists. */
public final class SecurityGroupEventHandler implements EventHandler {

    private final ClusterState state;

    public SecurityGroupEventHandler(ClusterState state) {
        this.state = state;
    }

    @Override
    public String kind() {
        return "security_group";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        SecurityGroupInfo g = NeutronJson.securityGroup(data);
        return "deleted".equals(action) ? state.removeSecurityGroup(g.id(), g.revision())
                : state.putSecurityGroup(g, NeutronJson.rulesOf(data));
    }
}
