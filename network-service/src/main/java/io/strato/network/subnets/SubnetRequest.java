package io.strato.network.subnets;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A subnet create or update body, checked for shape (types, unknown attributes). What the values mean
 * (CIDR, gateway, pools) is {@link SubnetLayout}'s to check.
 *
 * @param gatewayGiven whether {@code gateway_ip} was in the body (it may be given as null: no gateway)
 * @param subnetpoolId the pool to allocate the CIDR from ({@code subnetpool_id})
 * @param useDefaultSubnetpool allocate from the default pool of the IP version ({@code use_default_subnetpool})
 * @param prefixlen the prefix length of a CIDR allocated from a pool (default: the pool's default_prefixlen)
 */
public record SubnetRequest(Optional<UUID> networkId, Optional<String> name, Optional<String> description,
                            Optional<Integer> ipVersion, Optional<String> cidr, boolean gatewayGiven, String gatewayIp,
                            Optional<List<Map<String, String>>> allocationPools, Optional<List<String>> dnsNameservers,
                            Optional<List<Map<String, String>>> hostRoutes, Optional<Boolean> enableDhcp,
                            Optional<String> ipv6RaMode, Optional<String> ipv6AddressMode,
                            Optional<String> projectId, Optional<List<String>> tags,
                            Optional<UUID> subnetpoolId, boolean useDefaultSubnetpool, Optional<Integer> prefixlen) {
    private static final Set<String> UPDATABLE = Set.of("name", "description", "gateway_ip", "allocation_pools",
            "dns_nameservers", "host_routes", "enable_dhcp");
    private static final Set<String> CREATABLE = Set.of("name", "description", "gateway_ip", "allocation_pools",
            "dns_nameservers", "host_routes", "enable_dhcp", "network_id", "ip_version", "cidr", "ipv6_ra_mode",
            "ipv6_address_mode", "project_id", "tenant_id", "tags", "subnetpool_id", "use_default_subnetpool",
            "prefixlen", "service_types", "segment_id");

    public static SubnetRequest create(JsonNode body) {
        Attributes a = Attributes.of(body, CREATABLE);
        if (!a.has("network_id") || a.raw("network_id").isNull()) {
            throw Neutron.invalid("network_id is required.");
        }
        if (a.string("segment_id", 64).isPresent()) {
            throw Neutron.invalid("Routed network segments are not supported.");
        }
        if (!a.strings("service_types").orElse(List.of()).isEmpty()) {
            throw Neutron.invalid("Subnet service types are not supported.");
        }
        Optional<String> cidr = a.string("cidr", 64);
        Optional<Integer> prefixlen = a.integer("prefixlen");
        prefixlen.ifPresent(n -> {
            if (n < 0) {
                throw Neutron.invalid("'" + n + "' should be non-negative for prefixlen.");
            }
        });
        Optional<UUID> pool = a.uuid("subnetpool_id");
        boolean useDefault = a.bool("use_default_subnetpool").orElse(false);
        if (cidr.isPresent() && prefixlen.isPresent()) {
            throw badSubnets("cidr and prefixlen must not be supplied together");
        }
        if (pool.isPresent() && useDefault) {
            throw badSubnets("subnetpool_id and use_default_subnetpool cannot both be specified");
        }
        if (useDefault && cidr.isEmpty() && !a.has("ip_version")) {
            throw badSubnets("ip_version must be specified in the absence of cidr and subnetpool_id");
        }
        if (pool.isEmpty() && !useDefault && cidr.isEmpty()) {
            throw badSubnets("a subnetpool must be specified in the absence of a cidr");
        }
        if ((pool.isPresent() || useDefault) && cidr.isEmpty() && a.raw("allocation_pools") != null
                && !a.raw("allocation_pools").isNull()) {
            throw badSubnets("allocation_pools allowed only for specific subnet requests.");
        }
        Optional<String> project = a.string("project_id", 255);
        Optional<String> tenant = a.string("tenant_id", 255);
        if (project.isPresent() && tenant.isPresent() && !project.get().equals(tenant.get())) {
            throw Neutron.invalid("project_id and tenant_id do not match");
        }
        Optional<Integer> version = a.integer("ip_version");
        version.ifPresent(v -> {
            if (v != 4 && v != 6) {
                throw Neutron.invalid("" + v + " is not in [4, 6]");
            }
        });
        return new SubnetRequest(a.uuid("network_id"), a.string("name", 255), a.string("description", 255),
                version, cidr, a.has("gateway_ip"), a.string("gateway_ip", 64).orElse(null),
                pairs(a, "allocation_pools", "start", "end"), a.strings("dns_nameservers"),
                pairs(a, "host_routes", "destination", "nexthop"), a.bool("enable_dhcp"),
                mode(a, "ipv6_ra_mode"), mode(a, "ipv6_address_mode"), project.or(() -> tenant), a.strings("tags"),
                pool, useDefault, prefixlen);
    }

    public static SubnetRequest update(JsonNode body) {
        Attributes a = Attributes.of(body, UPDATABLE);
        return new SubnetRequest(Optional.empty(), a.string("name", 255), a.string("description", 255),
                Optional.empty(), Optional.empty(), a.has("gateway_ip"), a.string("gateway_ip", 64).orElse(null),
                pairs(a, "allocation_pools", "start", "end"), a.strings("dns_nameservers"),
                pairs(a, "host_routes", "destination", "nexthop"), a.bool("enable_dhcp"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty());
    }

    /** Whether the CIDR comes from a subnet pool (given or default). */
    public boolean fromPool() {
        return subnetpoolId.isPresent() || useDefaultSubnetpool;
    }

    /** This request with the CIDR a pool gave it. */
    SubnetRequest withCidr(String allocated) {
        return new SubnetRequest(networkId, name, description, ipVersion, Optional.of(allocated), gatewayGiven, gatewayIp,
                allocationPools, dnsNameservers, hostRoutes, enableDhcp, ipv6RaMode, ipv6AddressMode, projectId, tags,
                subnetpoolId, useDefaultSubnetpool, prefixlen);
    }

    /** neutron-lib's BadRequest of the subnets resource: "Bad subnets request: ...". */
    private static RuntimeException badSubnets(String msg) {
        return Neutron.badRequest("BadRequest", "Bad subnets request: " + msg + (msg.endsWith(".") ? "" : "."));
    }

    private static Optional<String> mode(Attributes a, String name) {
        Optional<String> m = a.string(name, 32);
        m.ifPresent(v -> {
            if (!List.of("slaac", "dhcpv6-stateful", "dhcpv6-stateless").contains(v)) {
                throw Neutron.invalid("'" + v + "' is not in ['dhcpv6-stateful', 'dhcpv6-stateless', 'slaac'] for " + name + ".");
            }
        });
        return m;
    }

    /** A list of objects with exactly two string keys ({@code allocation_pools}, {@code host_routes}). */
    private static Optional<List<Map<String, String>>> pairs(Attributes a, String name, String k1, String k2) {
        JsonNode v = a.raw(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw Neutron.invalid("Invalid data format for " + name + ": '" + v + "' is not a list.");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isObject() || !item.path(k1).isTextual() || !item.path(k2).isTextual()) {
                throw Neutron.invalid("Invalid data format for " + name + ": each entry needs '" + k1 + "' and '" + k2 + "'.");
            }
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals(k1) && !key.equals(k2)) {
                    throw Neutron.invalid("Invalid data format for " + name + ": unexpected key '" + key + "'.");
                }
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put(k1, item.get(k1).asText());
            m.put(k2, item.get(k2).asText());
            out.add(m);
        }
        return Optional.of(out);
    }
}
