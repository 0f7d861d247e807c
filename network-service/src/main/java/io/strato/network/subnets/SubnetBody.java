package io.strato.network.subnets;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/subnets}, {@code {"subnet": {...}}} (a bulk create:
 * {@code {"subnets": [{...}, ...]}}), as OpenAPI publishes it.
 * The values stay JSON so that {@link SubnetRequest} answers a wrong type with Neutron's own message; attributes
 * the API does not know are kept for its {@code Unrecognized attribute(s)} 400 (read by {@code BodyRecords}).
 */
public record SubnetBody(@JsonProperty("subnet") SubnetAttributes subnet,
                          @JsonProperty("subnets") @Schema(description = "bulk create: several subnets at once, all or none")
                          List<SubnetAttributes> subnets) {

    /**
     * The attributes of a subnet body (snake_case on the wire); update accepts name, description, gateway_ip,
     * allocation_pools, dns_nameservers, host_routes and enable_dhcp. Without a cidr, a subnet is allocated
     * from {@code subnetpool_id} (or the default pool with {@code use_default_subnetpool}), {@code prefixlen} long.
     */
    public record SubnetAttributes(
            @JsonProperty("network_id") JsonNode networkId,
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("ip_version") JsonNode ipVersion,
            @JsonProperty("cidr") JsonNode cidr,
            @JsonProperty("gateway_ip") JsonNode gatewayIp,
            @JsonProperty("allocation_pools") JsonNode allocationPools,
            @JsonProperty("dns_nameservers") JsonNode dnsNameservers,
            @JsonProperty("host_routes") JsonNode hostRoutes,
            @JsonProperty("enable_dhcp") JsonNode enableDhcp,
            @JsonProperty("ipv6_ra_mode") JsonNode ipv6RaMode,
            @JsonProperty("ipv6_address_mode") JsonNode ipv6AddressMode,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonProperty("tags") JsonNode tags,
            @JsonProperty("subnetpool_id") JsonNode subnetpoolId,
            @JsonProperty("use_default_subnetpool") JsonNode useDefaultSubnetpool,
            @JsonProperty("prefixlen") JsonNode prefixlen,
            @JsonProperty("service_types") JsonNode serviceTypes,
            @JsonProperty("segment_id") JsonNode segmentId,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
