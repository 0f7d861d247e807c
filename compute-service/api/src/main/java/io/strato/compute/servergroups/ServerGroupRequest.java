package io.strato.compute.servergroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.api.Microversion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /os-server-groups} as Nova's schema for the request's microversion reads it: before 2.64
 * {@code {"name", "policies": [p]}}, from 2.64 {@code {"name", "policy": p, "rules": {"max_server_per_host": n}}}
 * (rules with anti-affinity only); p is affinity or anti-affinity, from 2.15 also soft-affinity and soft-anti-affinity.
 */
record ServerGroupRequest(String name, String policy, Map<String, Object> rules) {
    static final List<String> STRICT = List.of("anti-affinity", "affinity");
    static final List<String> WITH_SOFT = List.of("anti-affinity", "affinity", "soft-anti-affinity", "soft-affinity");

    static ServerGroupRequest parse(JsonNode body, Microversion version) {
        BodyFields.onlyKnown(body, Set.of("server_group"));
        JsonNode g = BodyFields.object(body, "server_group");
        List<String> allowed = version.atLeast(15) ? WITH_SOFT : STRICT;
        if (!version.atLeast(64)) {
            BodyFields.onlyKnown(g, Set.of("name", "policies"));
            String name = BodyFields.name(g, "name", 255, true);
            JsonNode policies = g.get("policies");
            if (policies == null || !policies.isArray() || policies.size() != 1 || !policies.get(0).isTextual()) {
                throw BodyFields.invalid("policies", policies, "'policies' must be a list of exactly one policy of " + allowed);
            }
            return new ServerGroupRequest(name, policy(policies.get(0), allowed, "policies"), Map.of());
        }
        BodyFields.onlyKnown(g, Set.of("name", "policy", "rules"));
        String name = BodyFields.name(g, "name", 255, true);
        JsonNode p = g.get("policy");
        if (p == null || !p.isTextual()) {
            throw BodyFields.invalid("policy", p, "'policy' is a required property: one of " + allowed);
        }
        String policy = policy(p, allowed, "policy");
        Map<String, Object> rules = new HashMap<>();
        JsonNode r = g.get("rules");
        if (r != null && !(r.isObject() && r.isEmpty())) {
            if (!r.isObject()) {
                throw BodyFields.invalid("rules", r, r + " is not of type 'object'");
            }
            BodyFields.onlyKnown(r, Set.of(ServerGroup.MAX_SERVER_PER_HOST));
            if (!policy.equals("anti-affinity")) {
                throw new InvalidInput("Only anti-affinity policy supports the max_server_per_host rule.");
            }
            rules.put(ServerGroup.MAX_SERVER_PER_HOST,
                    BodyFields.integer(r, ServerGroup.MAX_SERVER_PER_HOST, 1, Integer.MAX_VALUE, null));
        }
        return new ServerGroupRequest(name, policy, rules);
    }

    private static String policy(JsonNode p, List<String> allowed, String field) {
        if (!allowed.contains(p.asText())) {
            throw BodyFields.invalid(field, p, "'" + p.asText() + "' is not one of " + allowed);
        }
        return p.asText();
    }
}
