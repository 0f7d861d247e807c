package io.strato.network.agents;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v2.0/agents/{id}}, {@code {"agent": {...}}}, as OpenAPI publishes it. The values stay
 * JSON so that {@link AgentRequest} answers a wrong type with Neutron's own message; other attributes are kept for
 * its 400s (read-only or unrecognized).
 */
public record AgentBody(@JsonProperty("agent") AgentAttributes agent) {

    /** What an admin may change on an agent. */
    public record AgentAttributes(
            @JsonProperty("admin_state_up") JsonNode adminStateUp,
            @JsonProperty("description") JsonNode description,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
