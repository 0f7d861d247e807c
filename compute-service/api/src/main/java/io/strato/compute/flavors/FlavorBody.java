package io.strato.compute.flavors;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/flavors}, {@code {"flavor": {...}}}, as OpenAPI publishes it. The values stay
 * JSON so that {@link FlavorRequest} answers with Nova's schema messages; members Nova does not know are kept for
 * its {@code Additional properties are not allowed} 400.
 */
public record FlavorBody(
        @JsonProperty("flavor") FlavorAttributes flavor,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** A new flavor (its description from 2.55). */
    public record FlavorAttributes(
            @JsonProperty("name") @Schema(implementation = String.class, required = true) JsonNode name,
            @JsonProperty("id") @Schema(implementation = String.class, description = "a new UUID when absent") JsonNode id,
            @JsonProperty("ram") @Schema(implementation = Integer.class, required = true) JsonNode ram,
            @JsonProperty("vcpus") @Schema(implementation = Integer.class, required = true) JsonNode vcpus,
            @JsonProperty("disk") @Schema(implementation = Integer.class, required = true) JsonNode disk,
            @JsonProperty("OS-FLV-EXT-DATA:ephemeral") @Schema(implementation = Integer.class) JsonNode ephemeral,
            @JsonProperty("swap") @Schema(implementation = Integer.class) JsonNode swap,
            @JsonProperty("rxtx_factor") @Schema(implementation = Double.class) JsonNode rxtxFactor,
            @JsonProperty("os-flavor-access:is_public") @Schema(implementation = Boolean.class) JsonNode isPublic,
            @JsonProperty("description") @Schema(implementation = String.class, nullable = true,
                    description = "from microversion 2.55") JsonNode description,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }

    /** The body of {@code PUT /v2.1/flavors/{id}} (2.55): {@code {"flavor": {"description": ...}}}. */
    public record Update(
            @JsonProperty("flavor") UpdateAttributes flavor,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }

    /** The one attribute a flavor update changes. */
    public record UpdateAttributes(
            @JsonProperty("description") @Schema(implementation = String.class, nullable = true, required = true) JsonNode description,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
