package io.strato.compute.aggregates;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-aggregates/{id}/action}: one of {@code add_host}, {@code remove_host}
 * ({@code {"host": h}}) or {@code set_metadata} ({@code {"metadata": {k: v or null}}}). An action Nova does not
 * have is kept for its {@code There is no such action} 400.
 */
public record AggregateActionBody(
        @JsonProperty("add_host") @Schema(implementation = HostRef.class) JsonNode addHost,
        @JsonProperty("remove_host") @Schema(implementation = HostRef.class) JsonNode removeHost,
        @JsonProperty("set_metadata") @Schema(implementation = Metadata.class) JsonNode setMetadata,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    @Schema(name = "AggregateHostRef")
    public record HostRef(@JsonProperty("host") @Schema(required = true) String host) {
    }

    @Schema(name = "AggregateSetMetadata")
    public record Metadata(@JsonProperty("metadata") @Schema(required = true) Map<String, String> metadata) {
    }
}
