package io.strato.compute.floatingips;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /v2.1/os-floating-ips}: {@code {"pool": name-or-id}}; other members are ignored, as Nova's. */
public record FloatingIpBody(
        @JsonProperty("pool") @Schema(implementation = String.class) JsonNode pool,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
}
