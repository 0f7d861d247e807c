package io.strato.network.networks;

import io.strato.network.api.StandardAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A network in Neutron's JSON; the provider attributes are shown to admins only. */
public final class NetworkView {
    private NetworkView() {
    }

    public static Map<String, Object> of(Network n, List<UUID> subnets, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", n.id.toString());
        v.put("name", n.name);
        v.put("admin_state_up", n.adminStateUp);
        v.put("status", n.status);
        v.put("subnets", subnets.stream().map(UUID::toString).toList());
        v.put("shared", n.shared);
        v.put("router:external", n.routerExternal);
        v.put("mtu", n.mtu);
        v.put("port_security_enabled", n.portSecurityEnabled);
        v.put("availability_zone_hints", List.of());
        v.put("availability_zones", List.of());
        v.put("ipv4_address_scope", null);
        v.put("ipv6_address_scope", null);
        v.put("l2_adjacency", true);
        if (admin) {
            v.put("provider:network_type", n.networkType);
            v.put("provider:physical_network", n.physicalNetwork);
            v.put("provider:segmentation_id", n.segmentationId);
        }
        StandardAttributes.put(v, n.projectId, n.description, n.tags, n.createdAt, n.updatedAt, n.revisionNumber);
        return v;
    }
}
