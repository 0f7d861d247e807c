package io.strato.network.policy;

import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The base rules of Neutron's secure-RBAC defaults that every resource's rules build on. The target of
 * a rule is the resource's {@code project_id}. Resources a caller may not see at all (another project's
 * private network) are 404s decided by the services, so that they stay unknown.
 */
@ApplicationScoped
public class NetworkPolicies implements PolicyRules {
    public static final String ADMIN = "context_is_admin";
    public static final String OWNER_READ = "admin_or_project_reader";
    public static final String OWNER_WRITE = "admin_or_project_member";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                ADMIN, "role:admin",
                "project_reader", "(role:reader or role:member) and project_id:%(project_id)s",
                "project_member", "role:member and project_id:%(project_id)s",
                OWNER_READ, "rule:context_is_admin or rule:project_reader",
                OWNER_WRITE, "rule:context_is_admin or rule:project_member");
    }

    /** The target of a rule about a resource owned by {@code projectId}. */
    public static Map<String, Object> target(String projectId) {
        return Map.of("project_id", projectId == null ? "" : projectId);
    }

    public static boolean isAdmin(Policy policy, Caller caller) {
        return policy.allowed(ADMIN, caller, Map.of());
    }
}
