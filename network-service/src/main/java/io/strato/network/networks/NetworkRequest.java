package io.strato.network.networks;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A network create or update body ({@code {"network": {...}}}'s inner object), validated. */
public record NetworkRequest(Optional<String> name, Optional<String> description, Optional<Boolean> adminStateUp,
                             Optional<Boolean> shared, Optional<Boolean> external, Optional<Integer> mtu,
                             Optional<Boolean> portSecurityEnabled, Segments.Provider provider,
                             Optional<String> projectId, Optional<List<String>> tags) {
    static final String TYPE = "provider:network_type";
    static final String PHYSNET = "provider:physical_network";
    static final String SEGMENT = "provider:segmentation_id";
    private static final Set<String> UPDATABLE = Set.of("name", "description", "admin_state_up", "shared",
            "router:external", "mtu", "port_security_enabled", TYPE, PHYSNET, SEGMENT);
    private static final Set<String> CREATABLE = union(UPDATABLE, Set.of("project_id", "tenant_id", "tags",
            "availability_zone_hints"));

    public static NetworkRequest create(JsonNode body) {
        return of(Attributes.of(body, CREATABLE));
    }

    public static NetworkRequest update(JsonNode body) {
        return of(Attributes.of(body, UPDATABLE));
    }

    private static NetworkRequest of(Attributes a) {
        Optional<String> project = a.string("project_id", 255);
        Optional<String> tenant = a.string("tenant_id", 255);
        if (project.isPresent() && tenant.isPresent() && !project.get().equals(tenant.get())) {
            throw Neutron.invalid("project_id and tenant_id do not match");
        }
        Optional<List<String>> zones = a.strings("availability_zone_hints");
        if (zones.isPresent() && !zones.get().isEmpty()) {
            throw Neutron.notFound("AvailabilityZone", zones.get().get(0));
        }
        Optional<Integer> mtu = a.integer("mtu");
        mtu.ifPresent(m -> {
            if (m < 68) {
                throw Neutron.invalid("'" + m + "' is too small - must be at least '68'");
            }
        });
        return new NetworkRequest(a.string("name", 255), a.string("description", 255), a.bool("admin_state_up"),
                a.bool("shared"), a.bool("router:external"), mtu, a.bool("port_security_enabled"),
                new Segments.Provider(a.string(TYPE, 32).orElse(null), a.string(PHYSNET, 64).orElse(null),
                        a.integer(SEGMENT).orElse(null)),
                project.or(() -> tenant), a.strings("tags"));
    }

    boolean asksProvider() {
        return provider.networkType() != null || provider.physicalNetwork() != null || provider.segmentationId() != null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
