package io.strato.network.subnetpools;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A subnet pool create or update body ({@code {"subnetpool": {...}}}'s inner object), checked for shape as
 * neutron-lib's attribute map does: {@code name} and {@code prefixes} are required on create, the prefix lengths
 * and {@code default_quota} are non-negative integers, {@code shared} is fixed at create. What the numbers mean
 * together is {@link PoolPrefixes}'s to check.
 *
 * @param quotaGiven whether {@code default_quota} was in the body (null clears it)
 */
public record SubnetPoolRequest(Optional<String> name, Optional<String> description, Optional<List<String>> prefixes,
                                Optional<Integer> defaultPrefixlen, Optional<Integer> minPrefixlen,
                                Optional<Integer> maxPrefixlen, boolean quotaGiven, Integer defaultQuota,
                                Optional<Boolean> shared, Optional<Boolean> isDefault, Optional<String> projectId,
                                Optional<List<String>> tags) {
    private static final Set<String> UPDATABLE = Set.of("name", "description", "prefixes", "default_prefixlen",
            "min_prefixlen", "max_prefixlen", "default_quota", "is_default", "address_scope_id");
    private static final Set<String> CREATABLE = Set.of("name", "description", "prefixes", "default_prefixlen",
            "min_prefixlen", "max_prefixlen", "default_quota", "is_default", "address_scope_id", "shared",
            "project_id", "tenant_id", "tags");

    public static SubnetPoolRequest create(JsonNode body) {
        Attributes a = Attributes.of(body, CREATABLE);
        for (String required : List.of("name", "prefixes")) {
            if (!a.has(required)) {
                throw Neutron.badRequest("HTTPBadRequest",
                        "Failed to parse request. Required attribute '" + required + "' not specified");
            }
        }
        Optional<String> project = a.string("project_id", 255);
        Optional<String> tenant = a.string("tenant_id", 255);
        if (project.isPresent() && tenant.isPresent() && !project.get().equals(tenant.get())) {
            throw Neutron.invalid("project_id and tenant_id do not match");
        }
        return of(a, project.or(() -> tenant), a.strings("tags"), a.bool("shared"));
    }

    public static SubnetPoolRequest update(JsonNode body) {
        Attributes a = Attributes.of(body, UPDATABLE);
        return of(a, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static SubnetPoolRequest of(Attributes a, Optional<String> project, Optional<List<String>> tags,
                                        Optional<Boolean> shared) {
        Optional<String> name = a.string("name", 255);
        if (a.has("name") && name.map(String::isBlank).orElse(true)) {
            throw Neutron.invalid("'" + name.orElse("None") + "' Blank strings are not permitted");
        }
        // Strato has no address scopes: an id names none (404), null is what every pool has
        a.uuid("address_scope_id").ifPresent(id -> {
            throw Neutron.notFound("Address scope", id);
        });
        if (a.has("prefixes") && a.raw("prefixes").isNull()) {
            throw Neutron.invalid("'None' is not a list for prefixes.");
        }
        return new SubnetPoolRequest(name, a.string("description", 255), a.strings("prefixes"),
                nonNegative(a, "default_prefixlen"), nonNegative(a, "min_prefixlen"), nonNegative(a, "max_prefixlen"),
                a.has("default_quota"), nonNegative(a, "default_quota").orElse(null), shared, a.bool("is_default"),
                project, tags);
    }

    private static Optional<Integer> nonNegative(Attributes a, String name) {
        Optional<Integer> v = a.integer(name);
        v.ifPresent(n -> {
            if (n < 0) {
                throw Neutron.invalid("'" + n + "' should be non-negative for " + name + ".");
            }
        });
        return v;
    }
}
