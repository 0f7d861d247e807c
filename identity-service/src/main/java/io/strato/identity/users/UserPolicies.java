package io.strato.identity.users;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
public class UserPolicies implements PolicyRules {
    static final String GET = "identity:get_user";
    static final String LIST = "identity:list_users";
    static final String CREATE = "identity:create_user";
    static final String UPDATE = "identity:update_user";
    static final String DELETE = "identity:delete_user";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                GET, "rule:admin_or_system_reader or (role:reader and domain_id:%(target.user.domain_id)s)"
                        + " or user_id:%(target.user.id)s",
                LIST, "rule:admin_or_system_reader or (role:reader and domain_id:%(target.domain_id)s)",
                CREATE, "rule:admin_required",
                UPDATE, "rule:admin_required",
                DELETE, "rule:admin_required");
    }
}
