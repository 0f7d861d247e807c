package io.strato.identity.credentials;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Keystone's defaults for credentials and OS-EC2 credentials: a user manages their own, admins and system
 * readers read anyone's, admins write anyone's. The target is {@code {"credential": {"user_id": ...}}}.
 */
@ApplicationScoped
public class CredentialPolicies implements PolicyRules {
    static final String GET = "identity:get_credential";
    static final String LIST = "identity:list_credentials";
    static final String CREATE = "identity:create_credential";
    static final String UPDATE = "identity:update_credential";
    static final String DELETE = "identity:delete_credential";
    static final String EC2_GET = "identity:ec2_get_credential";
    static final String EC2_LIST = "identity:ec2_list_credentials";
    static final String EC2_CREATE = "identity:ec2_create_credential";
    static final String EC2_DELETE = "identity:ec2_delete_credential";

    @Override
    public Map<String, String> defaults() {
        String owner = "user_id:%(target.credential.user_id)s";
        String read = "rule:admin_or_system_reader or " + owner;
        String write = "rule:admin_required or " + owner;
        return Map.of(
                GET, read,
                LIST, read,
                CREATE, write,
                UPDATE, write,
                DELETE, write,
                EC2_GET, read,
                EC2_LIST, read,
                EC2_CREATE, write,
                EC2_DELETE, write);
    }

    static Map<String, Object> target(String userId) {
        return Map.of("credential", java.util.Collections.singletonMap("user_id", userId));
    }
}
