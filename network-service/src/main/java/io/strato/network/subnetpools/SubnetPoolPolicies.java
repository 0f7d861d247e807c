package io.strato.network.subnetpools;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Neutron's subnet pool rules (secure-RBAC defaults): a project's members make, change and delete its pools; a
 * shared pool is readable (and allocatable) by every project; sharing a pool and making it the default are the
 * admin's. The target carries {@code project_id} and {@code shared} as "True"/"False".
 */
@ApplicationScoped
public class SubnetPoolPolicies implements PolicyRules {
    public static final String CREATE = "create_subnetpool";
    public static final String CREATE_SHARED = "create_subnetpool:shared";
    public static final String CREATE_DEFAULT = "create_subnetpool:is_default";
    public static final String GET = "get_subnetpool";
    public static final String UPDATE = "update_subnetpool";
    public static final String UPDATE_DEFAULT = "update_subnetpool:is_default";
    public static final String DELETE = "delete_subnetpool";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                "shared_subnetpools", "'True':%(shared)s",
                CREATE, "rule:admin_or_project_member",
                CREATE_SHARED, "rule:context_is_admin",
                CREATE_DEFAULT, "rule:context_is_admin",
                GET, "rule:admin_or_project_reader or rule:shared_subnetpools",
                UPDATE, "rule:admin_or_project_member",
                UPDATE_DEFAULT, "rule:context_is_admin",
                DELETE, "rule:admin_or_project_member");
    }

    static Map<String, Object> target(String projectId, boolean shared) {
        return Map.of("project_id", projectId == null ? "" : projectId, "shared", shared ? "True" : "False");
    }
}
