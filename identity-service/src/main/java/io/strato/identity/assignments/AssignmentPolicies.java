package io.strato.identity.assignments;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Keystone's secure-RBAC defaults for grants and role assignments: admins grant and revoke; admins,
 * system readers and readers of the target's domain read. Targets carry {@code domain_id}: the
 * domain of the project or domain the grant is on (none for system grants).
 */
@ApplicationScoped
public class AssignmentPolicies implements PolicyRules {
    static final String LIST_ASSIGNMENTS = "identity:list_role_assignments";

    /** The four rule names governing one family of grant URLs. */
    record GrantRules(String list, String check, String create, String revoke) {
    }

    static final GrantRules GRANTS = new GrantRules("identity:list_grants", "identity:check_grant",
            "identity:create_grant", "identity:revoke_grant");
    static final GrantRules SYSTEM_USER_GRANTS = new GrantRules("identity:list_system_grants_for_user",
            "identity:check_system_grant_for_user", "identity:create_system_grant_for_user",
            "identity:revoke_system_grant_for_user");
    static final GrantRules SYSTEM_GROUP_GRANTS = new GrantRules("identity:list_system_grants_for_group",
            "identity:check_system_grant_for_group", "identity:create_system_grant_for_group",
            "identity:revoke_system_grant_for_group");

    @Override
    public Map<String, String> defaults() {
        Map<String, String> m = new HashMap<>();
        m.put(LIST_ASSIGNMENTS, "rule:admin_or_reader");
        for (GrantRules r : new GrantRules[]{GRANTS, SYSTEM_USER_GRANTS, SYSTEM_GROUP_GRANTS}) {
            m.put(r.list(), "rule:admin_or_reader");
            m.put(r.check(), "rule:admin_or_reader");
            m.put(r.create(), "rule:admin_required");
            m.put(r.revoke(), "rule:admin_required");
        }
        return m;
    }

    /** The policy target of a grant operation. */
    static Map<String, Object> target(GrantPath g, String targetDomainId, String roleId) {
        Map<String, Object> t = new HashMap<>();
        t.put("domain_id", targetDomainId);
        Map<String, Object> target = new HashMap<>();
        target.put("id", g.targetId());
        target.put("domain_id", targetDomainId);
        t.put(g.targetType(), target);
        t.put(g.actorType(), Map.of("id", g.actorId()));
        if (roleId != null) {
            t.put("role", Map.of("id", roleId));
        }
        return t;
    }
}
