package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v2.1/os-services/disable|enable|disable-log-reason|force-down}, as OpenAPI publishes it.
 * The values stay JSON so that the resource answers with Nova's schema messages; members Nova does not know are
 * kept for its {@code Additional properties are not allowed} 400.
 */
public record ServiceUpdateBody(
        @JsonProperty("host") @Schema(implementation = String.class, description = "before 2.53") JsonNode host,
        @JsonProperty("binary") @Schema(implementation = String.class, description = "before 2.53") JsonNode binary,
        @JsonProperty("status") @Schema(implementation = String.class, enumeration = {"enabled", "disabled"},
                description = "2.53") JsonNode status,
        @JsonProperty("disabled_reason") @Schema(implementation = String.class,
                description = "disable-log-reason only") JsonNode disabledReason,
        @JsonProperty("forced_down") @Schema(implementation = Boolean.class, description = "force-down only (2.11)")
        JsonNode forcedDown,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
}
