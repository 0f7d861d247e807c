package io.strato.identity.policy;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Keystone's base rules under secure RBAC, as Keystone evaluates them with its default
 * (enforce_scope off): an admin on any scope is a cloud admin; readers with system scope read
 * everything; domain readers read their domain; users see themselves. Feature packages add the
 * rules of their own operations in their *Policies beans; an operator overrides any of them in the
 * file named by strato.policy.file.
 */
@ApplicationScoped
public class IdentityBaseRules implements PolicyRules {

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                "admin_required", "role:admin",
                "service_role", "role:service",
                "system_reader", "role:reader and system_scope:all",
                "domain_reader", "role:reader and domain_id:%(target.domain_id)s",
                "admin_or_system_reader", "rule:admin_required or rule:system_reader",
                "admin_or_reader", "rule:admin_required or rule:system_reader or rule:domain_reader");
    }

    /**
     * The rules of an admin-managed collection, as Keystone sets them for policies, consumers and the like:
     * admins and system readers read, admins write.
     */
    public static Map<String, String> adminManaged(String get, String list, String create, String update,
                                                   String delete) {
        return Map.of(
                get, "rule:admin_or_system_reader",
                list, "rule:admin_or_system_reader",
                create, "rule:admin_required",
                update, "rule:admin_required",
                delete, "rule:admin_required");
    }
}
