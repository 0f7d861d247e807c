package io.strato.network.subnets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subnet in Neutron's JSON. */
public record SubnetView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("network_id") String networkId,
        @JsonProperty("ip_version") int ipVersion,
        @JsonProperty("cidr") String cidr,
        @JsonProperty("gateway_ip") String gatewayIp,
        @JsonProperty("enable_dhcp") boolean enableDhcp,
        @JsonProperty("allocation_pools") List<AllocationPool> allocationPools,
        @JsonProperty("dns_nameservers") List<String> dnsNameservers,
        @JsonProperty("host_routes") List<HostRoute> hostRoutes,
        @JsonProperty("ipv6_ra_mode") String ipv6RaMode,
        @JsonProperty("ipv6_address_mode") String ipv6AddressMode,
        @JsonProperty("subnetpool_id") String subnetpoolId,
        @JsonProperty("service_types") List<String> serviceTypes,
        @JsonProperty("segment_id") String segmentId,
        @JsonUnwrapped StandardAttributes standard) {

    public static SubnetView of(Subnet s) {
        return new SubnetView(s.id.toString(), s.name, s.networkId.toString(), s.ipVersion, s.cidr, s.gatewayIp,
                s.enableDhcp, s.allocationPools == null ? null : s.allocationPools.stream().map(AllocationPool::of).toList(),
                s.dnsNameservers, s.hostRoutes == null ? null : s.hostRoutes.stream().map(HostRoute::of).toList(),
                s.ipv6RaMode, s.ipv6AddressMode, s.subnetpoolId == null ? null : s.subnetpoolId.toString(), List.of(), null,
                StandardAttributes.of(s.projectId, s.description, s.tags, s.createdAt, s.updatedAt, s.revisionNumber));
    }

    /** A range IPAM hands addresses from: {@code {"start": "10.0.1.2", "end": "10.0.1.254"}}. */
    public record AllocationPool(@JsonProperty("start") String start, @JsonProperty("end") String end) {
        static AllocationPool of(Map<String, String> stored) {
            return new AllocationPool(stored.get("start"), stored.get("end"));
        }
    }

    /** A route DHCP gives the subnet's hosts: {@code {"destination": cidr, "nexthop": ip}}. */
    public record HostRoute(@JsonProperty("destination") String destination, @JsonProperty("nexthop") String nexthop) {
        static HostRoute of(Map<String, String> stored) {
            return new HostRoute(stored.get("destination"), stored.get("nexthop"));
        }
    }

    /** {@code {"subnet": {...}}} */
    @Schema(name = "SubnetResponse")
    public record One(@JsonProperty("subnet") SubnetView subnet) {
    }

    /** {@code {"subnets": [...], "subnets_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "SubnetListResponse")
    public record Many(@JsonProperty("subnets") List<SubnetView> subnets,
                       @JsonProperty("subnets_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> subnetsLinks) {
    }
}
