package io.strato.network.routers;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/routers} and of {@code add_extraroutes} / {@code
 * remove_extraroutes}, {@code {"router": {...}}}, as OpenAPI publishes it. The values stay JSON so that {@link
 * RouterRequest} answers a wrong type with Neutron's own message; attributes the API does not know are kept for
 * its {@code Unrecognized attribute(s)} 400 (read by {@code BodyRecords}).
 */
public record RouterBody(@JsonProperty("router") RouterAttributes router) {

    /**
     * The attributes of a router body (snake_case on the wire); create takes no routes, update no project_id,
     * tenant_id or tags, the extra-route operations only routes.
     */
    public record RouterAttributes(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("admin_state_up") JsonNode adminStateUp,
            @JsonProperty("external_gateway_info") JsonNode externalGatewayInfo,
            @JsonProperty("routes") JsonNode routes,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonProperty("tags") JsonNode tags,
            @JsonProperty("distributed") JsonNode distributed,
            @JsonProperty("ha") JsonNode ha,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
