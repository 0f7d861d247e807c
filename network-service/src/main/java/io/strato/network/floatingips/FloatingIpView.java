package io.strato.network.floatingips;

import io.strato.network.api.StandardAttributes;
import io.strato.network.routers.Topology;
import java.util.LinkedHashMap;
import java.util.Map;

/** A floating IP in Neutron's JSON shape, with fip-port-details' {@code port_details}. */
public final class FloatingIpView {
    private FloatingIpView() {
    }

    /** @param port the associated port, or null */
    public static Map<String, Object> of(FloatingIp f, Topology.PortRow port) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", f.id.toString());
        v.put("floating_ip_address", f.floatingIpAddress);
        v.put("floating_network_id", f.floatingNetworkId.toString());
        v.put("router_id", f.routerId == null ? null : f.routerId.toString());
        v.put("port_id", f.portId == null ? null : f.portId.toString());
        v.put("fixed_ip_address", f.fixedIpAddress);
        v.put("status", f.status);
        v.put("port_details", port == null ? null : portDetails(port));
        StandardAttributes.put(v, f.projectId, f.description, f.tags, f.createdAt, f.updatedAt, f.revisionNumber);
        return v;
    }

    private static Map<String, Object> portDetails(Topology.PortRow p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", p.name());
        d.put("network_id", p.networkId().toString());
        d.put("mac_address", p.macAddress());
        d.put("admin_state_up", p.adminStateUp());
        d.put("status", p.status());
        d.put("device_id", p.deviceId());
        d.put("device_owner", p.deviceOwner());
        return d;
    }
}
