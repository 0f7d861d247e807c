package io.strato.compute.aggregates;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-aggregates} and {@code PUT /v2.1/os-aggregates/{id}}:
 * {@code {"aggregate": {"name", "availability_zone"}}}. Values stay JSON so that {@link AggregateRequest} answers
 * with Nova's schema messages; unknown members are kept for its {@code Additional properties} 400.
 */
public record AggregateBody(
        @JsonProperty("aggregate") @Schema(implementation = Attributes.class, required = true) JsonNode aggregate,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** An aggregate's name (required at create) and availability zone (null: none). */
    @Schema(name = "AggregateAttributes")
    public record Attributes(@JsonProperty("name") String name,
                             @JsonProperty("availability_zone") String availabilityZone) {
    }
}
