package io.strato.compute.policy;

import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Nova's base rules (nova/policies/base.py, new defaults) that every API rule refers to, with Nova's names
 * and texts so an operator's Nova policy file overrides them the same way. Keystone's implied roles
 * (admin ⇒ member ⇒ reader) make an admin pass the reader and member rules too.
 */
@ApplicationScoped
public class NovaBaseRules implements PolicyRules {
    public static final String ADMIN = "rule:context_is_admin";
    public static final String PROJECT_MEMBER = "rule:project_member_api";
    public static final String PROJECT_READER = "rule:project_reader_api";
    public static final String PROJECT_MEMBER_OR_ADMIN = "rule:project_member_or_admin";
    public static final String PROJECT_READER_OR_ADMIN = "rule:project_reader_or_admin";
    public static final String ANY = "@";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                "context_is_admin", "role:admin",
                "project_manager_api", "role:manager and project_id:%(project_id)s",
                "project_member_api", "role:member and project_id:%(project_id)s",
                "project_reader_api", "role:reader and project_id:%(project_id)s",
                "project_manager_or_admin", "rule:project_manager_api or rule:context_is_admin",
                "project_member_or_admin", "rule:project_member_api or rule:context_is_admin",
                "project_reader_or_admin", "rule:project_reader_api or rule:context_is_admin");
    }

    /** Nova's {@code context.is_admin}: whether the caller passes {@code context_is_admin}. */
    public static boolean isAdmin(Policy policy, Caller caller) {
        return policy.allowed("context_is_admin", caller, Map.of());
    }

    /** The target of a rule about something owned by {@code projectId} (Nova passes {@code project_id}). */
    public static Map<String, Object> project(String projectId) {
        return Map.of("project_id", projectId == null ? "" : projectId);
    }
}
