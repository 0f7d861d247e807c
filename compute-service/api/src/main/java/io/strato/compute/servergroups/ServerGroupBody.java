package io.strato.compute.servergroups;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-server-groups}, {@code {"server_group": {"name", "policies": [p]}}}, as OpenAPI
 * publishes it. The values stay JSON so that {@link ServerGroupRequest} answers with Nova's schema messages;
 * members Nova does not know are kept for its {@code Additional properties are not allowed} 400.
 */
public record ServerGroupBody(
        @JsonProperty("server_group") ServerGroupAttributes serverGroup,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** A new server group at 2.1: its name and exactly one policy, affinity or anti-affinity. */
    public record ServerGroupAttributes(
            @JsonProperty("name") @Schema(implementation = String.class, required = true) JsonNode name,
            @JsonProperty("policies") @Schema(implementation = String[].class, required = true) JsonNode policies,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
