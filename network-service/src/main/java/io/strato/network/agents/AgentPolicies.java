package io.strato.network.agents;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Neutron's agent rules: admin only. As in Neutron, a caller that may not read agents sees an empty list and a
 * 404 for any one agent (show, update, delete), so agents stay unknown to it.
 */
@ApplicationScoped
public class AgentPolicies implements PolicyRules {
    static final String GET = "get_agent";
    static final String UPDATE = "update_agent";
    static final String DELETE = "delete_agent";

    @Override
    public Map<String, String> defaults() {
        return Map.of(GET, "rule:context_is_admin",
                UPDATE, "rule:context_is_admin",
                DELETE, "rule:context_is_admin");
    }
}
