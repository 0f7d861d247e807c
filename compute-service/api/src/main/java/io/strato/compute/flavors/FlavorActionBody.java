package io.strato.compute.flavors;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/flavors/{id}/action}: one of {@code addTenantAccess} or
 * {@code removeTenantAccess}. The action's value stays JSON so that a wrong one gets Nova's schema message; an
 * action Nova does not have is kept for its {@code There is no such action} 400.
 */
public record FlavorActionBody(
        @JsonProperty("addTenantAccess") @Schema(implementation = TenantAccess.class) JsonNode addTenantAccess,
        @JsonProperty("removeTenantAccess") @Schema(implementation = TenantAccess.class) JsonNode removeTenantAccess,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** The project given or refused access to a private flavor. */
    @Schema(name = "FlavorTenantAccess")
    public record TenantAccess(@JsonProperty("tenant") @Schema(required = true) String tenant) {
    }
}
