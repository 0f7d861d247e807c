package io.strato.identity.tokens;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
public class TokenPolicies implements PolicyRules {
    static final String VALIDATE = "identity:validate_token";
    static final String CHECK = "identity:check_token";
    static final String REVOKE = "identity:revoke_token";

    @Override
    public Map<String, String> defaults() {
        String own = "user_id:%(target.token.user_id)s";
        return Map.of(
                VALIDATE, "rule:admin_or_system_reader or rule:service_role or " + own,
                CHECK, "rule:admin_or_system_reader or rule:service_role or " + own,
                REVOKE, "rule:admin_required or rule:service_role or " + own);
    }
}
