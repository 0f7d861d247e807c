package io.strato.compute.servergroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.validation.BodyFields;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /os-server-groups} at 2.1: {@code {"name", "policies": [p]}}, p affinity or
 * anti-affinity (the soft policies are Nova's 2.15, policy/rules its 2.64).
 */
record ServerGroupRequest(String name, String policy, Map<String, Object> rules) {
    static final List<String> STRICT = List.of("anti-affinity", "affinity");

    static ServerGroupRequest parse(JsonNode body) {
        BodyFields.onlyKnown(body, Set.of("server_group"));
        JsonNode g = BodyFields.object(body, "server_group");
        BodyFields.onlyKnown(g, Set.of("name", "policies"));
        String name = BodyFields.name(g, "name", 255, true);
        JsonNode policies = g.get("policies");
        if (policies == null || !policies.isArray() || policies.size() != 1 || !policies.get(0).isTextual()) {
            throw BodyFields.invalid("policies", policies, "'policies' must be a list of exactly one policy of " + STRICT);
        }
        return new ServerGroupRequest(name, policy(policies.get(0), STRICT, "policies"), Map.of());
    }

    private static String policy(JsonNode p, List<String> allowed, String field) {
        if (!allowed.contains(p.asText())) {
            throw BodyFields.invalid(field, p, "'" + p.asText() + "' is not one of " + allowed);
        }
        return p.asText();
    }
}
