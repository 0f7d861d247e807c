package io.strato.image.metadefs;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Glance's metadef rules: the catalog is the cloud operator's (every write is {@code metadef_admin}),
 * readers of any project read it. Which namespaces a reader sees at all (public ones and its own
 * project's) is decided by the service, so an invisible namespace is a 404, not a 403.
 */
@ApplicationScoped
public class MetadefPolicies implements PolicyRules {
    static final String ADMIN = "metadef_admin";
    static final String GET_NAMESPACE = "get_metadef_namespace";
    static final String GET_NAMESPACES = "get_metadef_namespaces";
    static final String ADD_NAMESPACE = "add_metadef_namespace";
    static final String MODIFY_NAMESPACE = "modify_metadef_namespace";
    static final String DELETE_NAMESPACE = "delete_metadef_namespace";
    static final String LIST_RESOURCE_TYPES = "list_metadef_resource_types";
    static final String GET_RESOURCE_TYPE = "get_metadef_resource_type";
    static final String ADD_ASSOCIATION = "add_metadef_resource_type_association";
    static final String REMOVE_ASSOCIATION = "remove_metadef_resource_type_association";

    /** The rule of reading, adding, modifying and deleting definitions of a kind. */
    static String rule(String verb, DefinitionKind kind) {
        return switch (verb) {
            case "get" -> "get_metadef_" + kind.value;
            case "list" -> "get_metadef_" + plural(kind);
            case "add" -> "add_metadef_" + kind.value;
            case "add_all" -> "add_metadef_" + plural(kind);
            case "modify" -> "modify_metadef_" + kind.value;
            case "delete_all" -> "delete_metadef_" + plural(kind);
            default -> (kind == DefinitionKind.PROPERTY ? "remove" : "delete") + "_metadef_" + kind.value;
        };
    }

    private static String plural(DefinitionKind kind) {
        return kind == DefinitionKind.PROPERTY ? "properties" : kind.value + "s";
    }

    @Override
    public Map<String, String> defaults() {
        String reader = "role:admin or role:reader or role:member";
        String admin = "rule:" + ADMIN;
        Map<String, String> rules = new HashMap<>();
        rules.put(ADMIN, "role:admin");
        for (String read : new String[] {GET_NAMESPACE, GET_NAMESPACES, LIST_RESOURCE_TYPES, GET_RESOURCE_TYPE}) {
            rules.put(read, reader);
        }
        for (String write : new String[] {ADD_NAMESPACE, MODIFY_NAMESPACE, DELETE_NAMESPACE, ADD_ASSOCIATION,
                REMOVE_ASSOCIATION}) {
            rules.put(write, admin);
        }
        for (DefinitionKind kind : DefinitionKind.values()) {
            rules.put(rule("get", kind), reader);
            rules.put(rule("list", kind), reader);
            for (String verb : new String[] {"add", "modify", "delete", "delete_all"}) {
                rules.put(rule(verb, kind), admin);
            }
        }
        rules.put(rule("add_all", DefinitionKind.TAG), admin);
        return rules;
    }

    /** The target of a metadef rule: the namespace's owning project. */
    static Map<String, Object> target(MetadefNamespace namespace) {
        return Map.of("owner", namespace == null || namespace.owner == null ? "" : namespace.owner,
                "project_id", namespace == null || namespace.owner == null ? "" : namespace.owner);
    }
}
