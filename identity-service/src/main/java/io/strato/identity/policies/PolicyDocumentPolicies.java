package io.strato.identity.policies;

import io.strato.identity.policy.IdentityBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Keystone's defaults for the policies API: system readers read, admins write. */
@ApplicationScoped
public class PolicyDocumentPolicies implements PolicyRules {
    static final String GET = "identity:get_policy";
    static final String LIST = "identity:list_policies";
    static final String CREATE = "identity:create_policy";
    static final String UPDATE = "identity:update_policy";
    static final String DELETE = "identity:delete_policy";

    @Override
    public Map<String, String> defaults() {
        return IdentityBaseRules.adminManaged(GET, LIST, CREATE, UPDATE, DELETE);
    }
}
