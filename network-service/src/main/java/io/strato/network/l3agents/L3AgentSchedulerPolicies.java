package io.strato.network.l3agents;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Neutron's l3_agent_scheduler rules ({@code neutron/conf/policies/agent.py}): admin only. Unlike the agents API,
 * Neutron enforces them before looking anything up, so a member gets 403 {@code PolicyNotAuthorized}.
 */
@ApplicationScoped
public class L3AgentSchedulerPolicies implements PolicyRules {
    static final String GET_ROUTERS = "get_l3-routers";
    static final String ADD_ROUTER = "create_l3-router";
    static final String REMOVE_ROUTER = "delete_l3-router";
    static final String GET_AGENTS = "get_l3-agents";

    @Override
    public Map<String, String> defaults() {
        return Map.of(GET_ROUTERS, "rule:context_is_admin",
                ADD_ROUTER, "rule:context_is_admin",
                REMOVE_ROUTER, "rule:context_is_admin",
                GET_AGENTS, "rule:context_is_admin");
    }
}
