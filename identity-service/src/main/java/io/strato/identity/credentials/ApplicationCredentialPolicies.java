package io.strato.identity.credentials;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Keystone's default rules for application credentials: a user manages their own; admins and system
 * readers may read anyone's, admins delete them. The target is the user of the URL:
 * {@code {"user": {"id": <user_id>}}}.
 */
@ApplicationScoped
public class ApplicationCredentialPolicies implements PolicyRules {
    static final String GET = "identity:get_application_credential";
    static final String LIST = "identity:list_application_credentials";
    static final String CREATE = "identity:create_application_credential";
    static final String DELETE = "identity:delete_application_credential";

    @Override
    public Map<String, String> defaults() {
        String owner = "user_id:%(target.user.id)s";
        return Map.of(
                GET, "rule:admin_or_system_reader or " + owner,
                LIST, "rule:admin_or_system_reader or " + owner,
                CREATE, owner,
                DELETE, "rule:admin_required or " + owner);
    }
}
