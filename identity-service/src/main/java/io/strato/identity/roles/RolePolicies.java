package io.strato.identity.roles;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Keystone's secure-RBAC defaults for roles, domain-specific roles and implied roles: readers
 * (admin, system reader, or reader of the role's domain) read, admins write. Targets carry
 * {@code domain_id} (the role's domain, or the {@code domain_id} filter of a list).
 */
@ApplicationScoped
public class RolePolicies implements PolicyRules {
    static final String GET = "identity:get_role";
    static final String LIST = "identity:list_roles";
    static final String CREATE = "identity:create_role";
    static final String UPDATE = "identity:update_role";
    static final String DELETE = "identity:delete_role";
    static final String GET_DOMAIN_ROLE = "identity:get_domain_role";
    static final String LIST_DOMAIN_ROLES = "identity:list_domain_roles";
    static final String CREATE_DOMAIN_ROLE = "identity:create_domain_role";
    static final String UPDATE_DOMAIN_ROLE = "identity:update_domain_role";
    static final String DELETE_DOMAIN_ROLE = "identity:delete_domain_role";
    static final String GET_IMPLIED = "identity:get_implied_role";
    static final String CHECK_IMPLIED = "identity:check_implied_role";
    static final String LIST_IMPLIED = "identity:list_implied_roles";
    static final String CREATE_IMPLIED = "identity:create_implied_role";
    static final String DELETE_IMPLIED = "identity:delete_implied_role";
    static final String LIST_INFERENCES = "identity:list_role_inference_rules";

    private static final String READ = "rule:admin_or_reader";
    private static final String WRITE = "rule:admin_required";

    @Override
    public Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry(GET, READ), Map.entry(LIST, READ),
                Map.entry(CREATE, WRITE), Map.entry(UPDATE, WRITE), Map.entry(DELETE, WRITE),
                Map.entry(GET_DOMAIN_ROLE, READ), Map.entry(LIST_DOMAIN_ROLES, READ),
                Map.entry(CREATE_DOMAIN_ROLE, WRITE), Map.entry(UPDATE_DOMAIN_ROLE, WRITE),
                Map.entry(DELETE_DOMAIN_ROLE, WRITE),
                Map.entry(GET_IMPLIED, READ), Map.entry(CHECK_IMPLIED, READ), Map.entry(LIST_IMPLIED, READ),
                Map.entry(CREATE_IMPLIED, WRITE), Map.entry(DELETE_IMPLIED, WRITE),
                Map.entry(LIST_INFERENCES, READ));
    }

    /** The rule for a role operation: Keystone names domain-specific role operations apart. */
    static String forRole(String globalRule, String domainRule, String domainId) {
        return domainId == null ? globalRule : domainRule;
    }

    /** The policy target of an operation on a role (or on roles of a domain). */
    static Map<String, Object> target(Role r) {
        return target(r.id, r.domainId);
    }

    static Map<String, Object> target(String roleId, String domainId) {
        Map<String, Object> role = new java.util.HashMap<>();
        role.put("id", roleId);
        role.put("domain_id", domainId);
        Map<String, Object> t = new java.util.HashMap<>();
        t.put("role", role);
        t.put("domain_id", domainId);
        return t;
    }
}
