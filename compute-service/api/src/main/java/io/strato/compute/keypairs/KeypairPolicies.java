package io.strato.compute.keypairs;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's key pair rules: a user manages their own key pairs; an admin anyone's (by {@code user_id}, 2.10). */
@ApplicationScoped
public class KeypairPolicies implements PolicyRules {
    static final String INDEX = "os_compute_api:os-keypairs:index";
    static final String CREATE = "os_compute_api:os-keypairs:create";
    static final String SHOW = "os_compute_api:os-keypairs:show";
    static final String DELETE = "os_compute_api:os-keypairs:delete";
    private static final String OWNER = "(rule:context_is_admin) or user_id:%(user_id)s";

    @Override
    public Map<String, String> defaults() {
        return Map.of(INDEX, OWNER, CREATE, OWNER, SHOW, OWNER, DELETE, OWNER);
    }

    /** The target of a rule about the key pairs of {@code userId}. */
    static Map<String, Object> user(String userId) {
        return Map.of("user_id", userId);
    }
}
