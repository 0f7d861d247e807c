package io.strato.network.routers;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's router rules (secure-RBAC defaults): members manage their project's routers, readers read
 * them; choosing the external addresses of a gateway or turning SNAT off is for admins.
 */
@ApplicationScoped
public class RouterPolicies implements PolicyRules {
    static final String CREATE = "create_router";
    static final String GET = "get_router";
    static final String UPDATE = "update_router";
    static final String DELETE = "delete_router";
    static final String ADD_INTERFACE = "add_router_interface";
    static final String REMOVE_INTERFACE = "remove_router_interface";
    static final String ADD_ROUTES = "add_extraroutes";
    static final String REMOVE_ROUTES = "remove_extraroutes";
    /** Suffixes of {@code create_router} / {@code update_router} for the parts of external_gateway_info. */
    static final String GATEWAY = ":external_gateway_info";
    static final String GATEWAY_NETWORK = GATEWAY + ":network_id";
    static final String GATEWAY_SNAT = GATEWAY + ":enable_snat";
    static final String GATEWAY_IPS = GATEWAY + ":external_fixed_ips";

    @Override
    public Map<String, String> defaults() {
        Map<String, String> rules = new LinkedHashMap<>();
        for (String op : new String[]{CREATE, UPDATE}) {
            rules.put(op, "rule:admin_or_project_member");
            rules.put(op + GATEWAY, "rule:admin_or_project_member");
            rules.put(op + GATEWAY_NETWORK, "rule:admin_or_project_member");
            rules.put(op + GATEWAY_SNAT, "rule:context_is_admin");
            rules.put(op + GATEWAY_IPS, "rule:context_is_admin");
        }
        rules.put(GET, "rule:admin_or_project_reader");
        rules.put(DELETE, "rule:admin_or_project_member");
        rules.put(ADD_INTERFACE, "rule:admin_or_project_member");
        rules.put(REMOVE_INTERFACE, "rule:admin_or_project_member");
        rules.put(ADD_ROUTES, "rule:admin_or_project_member");
        rules.put(REMOVE_ROUTES, "rule:admin_or_project_member");
        return rules;
    }
}
