package io.strato.network.ports;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/ports}, {@code {"port": {...}}}, as OpenAPI publishes it.
 * The values stay JSON here because Neutron answers a wrong type with its own message ({@code "'5' is not
 * a valid string for name."}), which {@link PortRequest} gives; attributes the API does not know are
 * kept too, for its {@code Unrecognized attribute(s)} 400.
 */
public record PortBody(@JsonProperty("port") PortAttributes port) {

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

        /** The attributes as the client sent them (absent ones left out), for Neutron's checks. */
        JsonNode json() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            put(o, "network_id", networkId);
            put(o, "name", name);
            put(o, "description", description);
            put(o, "admin_state_up", adminStateUp);
            put(o, "mac_address", macAddress);
            put(o, "fixed_ips", fixedIps);
            put(o, "device_id", deviceId);
            put(o, "device_owner", deviceOwner);
            put(o, "project_id", projectId);
            put(o, "tenant_id", tenantId);
            put(o, "security_groups", securityGroups);
            put(o, "port_security_enabled", portSecurityEnabled);
            put(o, "allowed_address_pairs", allowedAddressPairs);
            put(o, PortRequest.HOST, hostId);
            put(o, PortRequest.VNIC, vnicType);
            put(o, PortRequest.PROFILE, profile);
            put(o, "extra_dhcp_opts", extraDhcpOpts);
            put(o, "tags", tags);
            if (others != null) {
                others.forEach((k, v) -> o.set(k, v == null ? JsonNodeFactory.instance.nullNode() : v));
            }
            return o;
        }

        private static void put(ObjectNode o, String name, JsonNode value) {
            if (value != null) {
                o.set(name, value);
            }
        }
    }
}
