package io.strato.identity.groups;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Keystone's secure-RBAC defaults for groups and memberships: admins write; admins, system readers
 * and readers of the group's domain read; a user may list their own groups. Targets carry
 * {@code domain_id} (the group's or user's domain, or the list's domain_id filter).
 */
@ApplicationScoped
public class GroupPolicies implements PolicyRules {
    static final String GET = "identity:get_group";
    static final String LIST = "identity:list_groups";
    static final String LIST_FOR_USER = "identity:list_groups_for_user";
    static final String CREATE = "identity:create_group";
    static final String UPDATE = "identity:update_group";
    static final String DELETE = "identity:delete_group";
    static final String LIST_USERS = "identity:list_users_in_group";
    static final String CHECK_USER = "identity:check_user_in_group";
    static final String ADD_USER = "identity:add_user_to_group";
    static final String REMOVE_USER = "identity:remove_user_from_group";

    @Override
    public Map<String, String> defaults() {
        String read = "rule:admin_or_reader";
        String write = "rule:admin_required";
        return Map.of(GET, read, LIST, read, LIST_FOR_USER, read + " or user_id:%(user_id)s",
                CREATE, write, UPDATE, write, DELETE, write,
                LIST_USERS, read, CHECK_USER, read, ADD_USER, write, REMOVE_USER, write);
    }

    static Map<String, Object> target(String groupId, String domainId) {
        Map<String, Object> group = new HashMap<>();
        group.put("id", groupId);
        group.put("domain_id", domainId);
        Map<String, Object> t = new HashMap<>();
        t.put("group", group);
        t.put("domain_id", domainId);
        return t;
    }

    static Map<String, Object> userTarget(String userId, String domainId) {
        Map<String, Object> user = new HashMap<>();
        user.put("id", userId);
        user.put("domain_id", domainId);
        Map<String, Object> t = new HashMap<>();
        t.put("user", user);
        t.put("user_id", userId);
        t.put("domain_id", domainId);
        return t;
    }
}
