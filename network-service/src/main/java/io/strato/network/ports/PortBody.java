package io.strato.network.ports;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/ports}, {@code {"port": {...}}} (a bulk create:
 * {@code {"ports": [{...}, ...]}}), as OpenAPI publishes it.
 * The values stay JSON here because Neutron answers a wrong type with its own message ({@code "'5' is not
 * a valid string for name."}), which {@link PortRequest} gives; attributes the API does not know are
 * kept too, for its {@code Unrecognized attribute(s)} 400 (read by {@code BodyRecords}).
 */
public record PortBody(@JsonProperty("port") PortAttributes port,
                       @JsonProperty("ports") @Schema(description = "bulk create: several ports at once, all or none")
                       List<PortAttributes> ports) {

    /** The attributes of a port body (snake_case on the wire); update accepts all but the create-only ones. */
    public record PortAttributes(
            @JsonProperty("network_id") JsonNode networkId,
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("admin_state_up") JsonNode adminStateUp,
            @JsonProperty("mac_address") JsonNode macAddress,
            @JsonProperty("fixed_ips") JsonNode fixedIps,
            @JsonProperty("device_id") JsonNode deviceId,
            @JsonProperty("device_owner") JsonNode deviceOwner,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonProperty("security_groups") JsonNode securityGroups,
            @JsonProperty("port_security_enabled") JsonNode portSecurityEnabled,
            @JsonProperty("allowed_address_pairs") JsonNode allowedAddressPairs,
            @JsonProperty(PortRequest.HOST) JsonNode hostId,
            @JsonProperty(PortRequest.VNIC) JsonNode vnicType,
            @JsonProperty(PortRequest.PROFILE) JsonNode profile,
            @JsonProperty("extra_dhcp_opts") JsonNode extraDhcpOpts,
            @JsonProperty("tags") JsonNode tags,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
