package io.strato.network.routers;

import io.strato.network.api.StandardAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A router in Neutron's JSON shape (the inner object of {@code {"router": {...}}}). */
public final class RouterView {
    private RouterView() {
    }

    /** @param gatewayIps the addresses of the router's gateway port (empty without a gateway) */
    public static Map<String, Object> of(Router r, List<Topology.Address> gatewayIps) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id.toString());
        v.put("name", r.name);
        v.put("status", r.status);
        v.put("admin_state_up", r.adminStateUp);
        v.put("external_gateway_info", gateway(r, gatewayIps));
        v.put("routes", r.routes == null ? List.of() : r.routes);
        v.put("distributed", false);
        v.put("ha", false);
        v.put("availability_zone_hints", List.of());
        v.put("availability_zones", List.of());
        v.put("flavor_id", null);
        StandardAttributes.put(v, r.projectId, r.description, r.tags, r.createdAt, r.updatedAt, r.revisionNumber);
        return v;
    }

    private static Map<String, Object> gateway(Router r, List<Topology.Address> ips) {
        if (r.gwNetworkId == null) {
            return null;
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("network_id", r.gwNetworkId.toString());
        g.put("enable_snat", r.enableSnat);
        g.put("external_fixed_ips", ips.stream()
                .map(a -> Map.of("subnet_id", a.subnetId().toString(), "ip_address", a.ipAddress())).toList());
        return g;
    }

    /** The answer of add/remove_router_interface: the router, and the port joining it to the subnets. */
    public static Map<String, Object> interfaceInfo(Router r, String portProjectId, UUID portId, UUID networkId,
                                                    List<UUID> subnetIds) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id.toString());
        v.put("tenant_id", portProjectId);
        v.put("project_id", portProjectId);
        v.put("port_id", portId.toString());
        v.put("network_id", networkId.toString());
        v.put("subnet_id", subnetIds.isEmpty() ? null : subnetIds.get(subnetIds.size() - 1).toString());
        v.put("subnet_ids", subnetIds.stream().map(UUID::toString).toList());
        return v;
    }
}
