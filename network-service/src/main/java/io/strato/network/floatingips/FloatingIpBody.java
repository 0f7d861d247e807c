package io.strato.network.floatingips;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/floatingips}, {@code {"floatingip": {...}}}, as OpenAPI
 * publishes it. The values stay JSON so that {@link FloatingIpRequest} answers a wrong type with Neutron's own
 * message; attributes the API does not know are kept for its {@code Unrecognized attribute(s)} 400 (read by
 * {@code BodyRecords}).
 */
public record FloatingIpBody(@JsonProperty("floatingip") FloatingIpAttributes floatingip) {

    /**
     * The attributes of a floating IP body (snake_case on the wire); update accepts port_id, fixed_ip_address
     * and description.
     */
    public record FloatingIpAttributes(
            @JsonProperty("floating_network_id") JsonNode floatingNetworkId,
            @JsonProperty("floating_ip_address") JsonNode floatingIpAddress,
            @JsonProperty("subnet_id") JsonNode subnetId,
            @JsonProperty("port_id") JsonNode portId,
            @JsonProperty("fixed_ip_address") JsonNode fixedIpAddress,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonProperty("tags") JsonNode tags,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
