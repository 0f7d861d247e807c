package io.strato.image.members;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Glance's member rules. The target is the image ({@code owner}, {@code visibility}) plus the
 * {@code member_id} acted on. Who may SEE the image at all is decided before these run (a caller who
 * cannot see it gets a 404, not a 403).
 */
@ApplicationScoped
public class MemberPolicies implements PolicyRules {
    static final String ADD = "add_member";
    static final String DELETE = "delete_member";
    static final String GET = "get_member";
    static final String LIST = "get_members";
    static final String MODIFY = "modify_member";

    private static final String OWNER_MEMBER = "role:admin or (role:member and project_id:%(owner)s)";
    private static final String OWNER_OR_MEMBER_READER = "role:admin or ((role:reader or role:member)"
            + " and (project_id:%(owner)s or project_id:%(member_id)s))";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                ADD, OWNER_MEMBER,
                DELETE, OWNER_MEMBER,
                GET, OWNER_OR_MEMBER_READER,
                LIST, "role:admin or role:reader or role:member",
                MODIFY, "(role:member or role:admin) and project_id:%(member_id)s");
    }
}
