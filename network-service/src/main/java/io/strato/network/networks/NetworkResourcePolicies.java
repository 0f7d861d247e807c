package io.strato.network.networks;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Neutron's network rules (secure-RBAC defaults). A shared or external network is readable by every
 * project; sharing, {@code router:external} and the provider attributes are the admin's. The target
 * carries {@code project_id}, and {@code shared}/{@code external} as "True"/"False".
 */
@ApplicationScoped
public class NetworkResourcePolicies implements PolicyRules {
    public static final String CREATE = "create_network";
    public static final String CREATE_SHARED = "create_network:shared";
    public static final String CREATE_EXTERNAL = "create_network:router:external";
    public static final String CREATE_PROVIDER = "create_network:provider:network_type";
    public static final String GET = "get_network";
    public static final String GET_PROVIDER = "get_network:provider:network_type";
    public static final String UPDATE = "update_network";
    public static final String UPDATE_SHARED = "update_network:shared";
    public static final String UPDATE_EXTERNAL = "update_network:router:external";
    public static final String DELETE = "delete_network";

    @Override
    public Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry("network_is_shared", "'True':%(shared)s"),
                Map.entry("network_is_external", "'True':%(external)s"),
                Map.entry(CREATE, "rule:admin_or_project_member"),
                Map.entry(CREATE_SHARED, "rule:context_is_admin"),
                Map.entry(CREATE_EXTERNAL, "rule:context_is_admin"),
                Map.entry(CREATE_PROVIDER, "rule:context_is_admin"),
                Map.entry("create_network:provider:physical_network", "rule:context_is_admin"),
                Map.entry("create_network:provider:segmentation_id", "rule:context_is_admin"),
                Map.entry(GET, "rule:admin_or_project_reader or rule:network_is_shared or rule:network_is_external"),
                Map.entry(GET_PROVIDER, "rule:context_is_admin"),
                Map.entry(UPDATE, "rule:admin_or_project_member"),
                Map.entry(UPDATE_SHARED, "rule:context_is_admin"),
                Map.entry(UPDATE_EXTERNAL, "rule:context_is_admin"),
                Map.entry(DELETE, "rule:admin_or_project_member"));
    }

    /** The target of a rule about {@code n}. */
    public static Map<String, Object> target(Network n) {
        return Map.of("project_id", n.projectId, "shared", n.shared ? "True" : "False",
                "external", n.routerExternal ? "True" : "False");
    }
}
