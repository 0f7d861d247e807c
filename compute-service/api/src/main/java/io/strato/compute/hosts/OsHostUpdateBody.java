package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v2.1/os-hosts/{host}}: {@code status} and/or {@code maintenance_mode}, each
 * {@code enable} or {@code disable}. Values stay JSON for Nova's schema messages; other members are kept for its 400.
 */
public record OsHostUpdateBody(
        @JsonProperty("status") @Schema(implementation = String.class, enumeration = {"enable", "disable"}) JsonNode status,
        @JsonProperty("maintenance_mode") @Schema(implementation = String.class, enumeration = {"enable", "disable"})
        JsonNode maintenanceMode,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
}
