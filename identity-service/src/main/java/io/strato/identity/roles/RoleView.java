package io.strato.identity.roles;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a role; {@code domain_id} is null for a global role. */
public record RoleView(String id, String name, @JsonProperty("domain_id") String domainId, String description,
                       Map<String, Object> options, Map<String, String> links) {

    public static RoleView of(Role r, Links links) {
        return new RoleView(r.id, r.name, r.domainId, r.description, Map.of(), links.self("roles/" + r.id));
    }

    @Schema(name = "RoleOne")
    public record One(RoleView role) {
    }

    @Schema(name = "RoleMany")
    public record Many(List<RoleView> roles, Map<String, String> links) {
    }

    /** Request body: {"role": {...}}. */
    @Schema(name = "RoleBody")
    public record Body(Fields role) {
    }

    @Schema(name = "RoleFields")
    public record Fields(String name, @JsonProperty("domain_id") String domainId, String description,
                         Map<String, Object> options, String id) {
    }
}
