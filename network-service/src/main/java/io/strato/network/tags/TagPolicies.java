package io.strato.network.tags;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Neutron's tag rules, one set per taggable resource ({@code get_network:tags}, {@code update_port:tags}...):
 * a project's readers read its tags, its members change them. Resources the caller cannot see are 404s
 * before any rule is checked.
 */
@ApplicationScoped
public class TagPolicies implements PolicyRules {

    static String get(TaggedCollection c) {
        return "get_" + c.member() + ":tags";
    }

    static String update(TaggedCollection c) {
        return "update_" + c.member() + ":tags";
    }

    static String create(TaggedCollection c) {
        return "create_" + c.member() + ":tags";
    }

    static String delete(TaggedCollection c) {
        return "delete_" + c.member() + ":tags";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> rules = new HashMap<>();
        for (TaggedCollection c : TaggedCollection.ALL.values()) {
            rules.put(get(c), "rule:admin_or_project_reader");
            rules.put(update(c), "rule:admin_or_project_member");
            rules.put(create(c), "rule:admin_or_project_member");
            rules.put(delete(c), "rule:admin_or_project_member");
        }
        return rules;
    }
}
