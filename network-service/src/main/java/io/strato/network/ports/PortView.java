package io.strato.network.ports;

import io.strato.network.api.StandardAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A port in Neutron's JSON. The binding details (host, vif type and details, profile) are shown to
 * admins only, as Neutron's {@code get_port:binding:*} rules do; everyone sees {@code binding:vnic_type}.
 */
public final class PortView {
    private PortView() {
    }

    public static Map<String, Object> of(PortDetails d, boolean admin) {
        return of(d.port(), d.fixedIps(), d.securityGroups(), admin);
    }

    public static Map<String, Object> of(Port p, List<FixedIp> fixedIps, List<UUID> securityGroups, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id.toString());
        v.put("name", p.name);
        v.put("network_id", p.networkId.toString());
        v.put("admin_state_up", p.adminStateUp);
        v.put("mac_address", p.macAddress);
        List<Map<String, Object>> ips = new ArrayList<>();
        for (FixedIp ip : fixedIps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subnet_id", ip.subnetId().toString());
            m.put("ip_address", ip.ipAddress());
            ips.add(m);
        }
        v.put("fixed_ips", ips);
        v.put("device_id", p.deviceId);
        v.put("device_owner", p.deviceOwner);
        v.put("status", p.status);
        v.put("port_security_enabled", p.portSecurityEnabled);
        v.put("security_groups", securityGroups.stream().map(UUID::toString).toList());
        v.put("allowed_address_pairs", p.allowedAddressPairs);
        v.put("extra_dhcp_opts", List.of());
        v.put("dns_name", p.dnsName);
        v.put("binding:vnic_type", p.bindingVnicType);
        if (admin) {
            v.put("binding:host_id", p.bindingHostId);
            v.put("binding:vif_type", p.bindingVifType);
            v.put("binding:vif_details", p.bindingVifDetails);
            v.put("binding:profile", p.bindingProfile);
        }
        StandardAttributes.put(v, p.projectId, p.description, p.tags, p.createdAt, p.updatedAt, p.revisionNumber);
        return v;
    }

    public static Map<String, Object> wrapped(Map<String, Object> port) {
        return Map.of("port", port);
    }
}
