package io.strato.network.networks;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/networks}, {@code {"network": {...}}} (a bulk create:
 * {@code {"networks": [{...}, ...]}}), as OpenAPI publishes it.
 * The values stay JSON so that {@link NetworkRequest} answers a wrong type with Neutron's own message;
 * attributes the API does not know are kept for its {@code Unrecognized attribute(s)} 400 (read by {@code
 * BodyRecords}).
 */
public record NetworkBody(@JsonProperty("network") NetworkAttributes network,
                          @JsonProperty("networks") @Schema(description = "bulk create: several networks at once, all or none")
                          List<NetworkAttributes> networks) {

    /**
     * The attributes of a network body (snake_case on the wire); update accepts all but project_id, tenant_id,
     * tags and availability_zone_hints.
     */
    public record NetworkAttributes(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("admin_state_up") JsonNode adminStateUp,
            @JsonProperty("shared") JsonNode shared,
            @JsonProperty("router:external") JsonNode external,
            @JsonProperty("mtu") JsonNode mtu,
            @JsonProperty("port_security_enabled") JsonNode portSecurityEnabled,
            @JsonProperty(NetworkRequest.TYPE) JsonNode providerNetworkType,
            @JsonProperty(NetworkRequest.PHYSNET) JsonNode providerPhysicalNetwork,
            @JsonProperty(NetworkRequest.SEGMENT) JsonNode providerSegmentationId,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonProperty("tags") JsonNode tags,
            @JsonProperty("availability_zone_hints") JsonNode availabilityZoneHints,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
