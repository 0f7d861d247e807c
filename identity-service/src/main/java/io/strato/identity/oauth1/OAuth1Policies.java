package io.strato.identity.oauth1;

import io.strato.identity.policy.IdentityBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Keystone's defaults for OAuth1 consumers: system readers read, admins write. */
@ApplicationScoped
public class OAuth1Policies implements PolicyRules {
    static final String GET = "identity:get_consumer";
    static final String LIST = "identity:list_consumers";
    static final String CREATE = "identity:create_consumer";
    static final String UPDATE = "identity:update_consumer";
    static final String DELETE = "identity:delete_consumer";

    @Override
    public Map<String, String> defaults() {
        return IdentityBaseRules.adminManaged(GET, LIST, CREATE, UPDATE, DELETE);
    }
}
