package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.state.ClusterState;

/** {@code security_group_rule.created/deleted}: the fast path of a rule change to the host. */
public final class SecurityGroupRuleEventHandler implements EventHandler {

    private final ClusterState state;

    public SecurityGroupRuleEventHandler(ClusterState state) {
        this.state = state;
    }

    @Override
    public String kind() {
        return "security_group_rule";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        RuleInfo r = NeutronJson.rule(data);
        return "deleted".equals(action) ? state.removeRule(r.id()) : state.putRule(r);
    }
}
