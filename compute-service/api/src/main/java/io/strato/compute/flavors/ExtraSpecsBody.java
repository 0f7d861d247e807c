package io.strato.compute.flavors;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/flavors/{id}/os-extra_specs}, {@code {"extra_specs": {"key": "value", ...}}}. The
 * specs stay JSON so that {@link ExtraSpecRules} answers a bad key or value with Nova's message.
 */
public record ExtraSpecsBody(
        @JsonProperty("extra_specs") @Schema(type = SchemaType.OBJECT, additionalProperties = String.class,
                required = true) JsonNode extraSpecs,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
}
