package io.strato.compute.servergroups;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-server-groups}, {@code {"server_group": {"name", "policies": [p]}} (from 2.64 {@code policy}, {@code rules})}, as OpenAPI
 * publishes it. The values stay JSON so that {@link ServerGroupRequest} answers with Nova's schema messages;
 * members Nova does not know are kept for its {@code Additional properties are not allowed} 400.
 */
public record ServerGroupBody(
        @JsonProperty("server_group") ServerGroupAttributes serverGroup,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** A new server group: its name and one policy ({@code policies: [p]} before 2.64, {@code policy} and {@code rules} from it). */
    public record ServerGroupAttributes(
            @JsonProperty("name") @Schema(implementation = String.class, required = true) JsonNode name,
            @JsonProperty("policies") @Schema(implementation = String[].class, description = "before 2.64") JsonNode policies,
            @JsonProperty("policy") @Schema(implementation = String.class, description = "from 2.64") JsonNode policy,
            @JsonProperty("rules") @Schema(implementation = Object.class, description = "from 2.64: max_server_per_host")
            JsonNode rules,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
