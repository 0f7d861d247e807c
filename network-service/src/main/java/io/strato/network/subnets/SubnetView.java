package io.strato.network.subnets;

import io.strato.network.api.StandardAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subnet in Neutron's JSON. */
public final class SubnetView {
    private SubnetView() {
    }

    public static Map<String, Object> of(Subnet s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id.toString());
        v.put("name", s.name);
        v.put("network_id", s.networkId.toString());
        v.put("ip_version", s.ipVersion);
        v.put("cidr", s.cidr);
        v.put("gateway_ip", s.gatewayIp);
        v.put("enable_dhcp", s.enableDhcp);
        v.put("allocation_pools", s.allocationPools);
        v.put("dns_nameservers", s.dnsNameservers);
        v.put("host_routes", s.hostRoutes);
        v.put("ipv6_ra_mode", s.ipv6RaMode);
        v.put("ipv6_address_mode", s.ipv6AddressMode);
        v.put("subnetpool_id", null);
        v.put("service_types", List.of());
        v.put("segment_id", null);
        StandardAttributes.put(v, s.projectId, s.description, s.tags, s.createdAt, s.updatedAt, s.revisionNumber);
        return v;
    }
}
