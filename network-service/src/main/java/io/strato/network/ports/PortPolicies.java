package io.strato.network.ports;

import io.strato.kit.policy.PolicyRules;
import io.strato.network.networks.Network;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Neutron's port rules. A project's members manage its ports; choosing a MAC or an address, turning
 * port security off, address pairs and {@code network:*} device owners belong to the network's owner;
 * the binding (host, profile) is the admin's (compute binds ports with an admin or service token).
 * The target carries the port's {@code project_id}, the network's as {@code network_project_id}, and
 * the network's {@code shared} as "True"/"False".
 */
@ApplicationScoped
public class PortPolicies implements PolicyRules {
    public static final String CREATE = "create_port";
    public static final String GET = "get_port";
    public static final String UPDATE = "update_port";
    public static final String DELETE = "delete_port";

    /** Attribute rules, checked when the attribute is given: {@code create_port:mac_address}, {@code update_port:binding:host_id}... */
    public static String attribute(String operation, String attribute) {
        return operation + ":" + attribute;
    }

    @Override
    public Map<String, String> defaults() {
        String networkOwner = "rule:context_is_admin or (role:member and project_id:%(network_project_id)s)";
        Map<String, String> rules = new HashMap<>();
        rules.put(CREATE, "rule:admin_or_project_member");
        rules.put(GET, "rule:admin_or_project_reader");
        rules.put(UPDATE, "rule:admin_or_project_member");
        rules.put(DELETE, "rule:admin_or_project_member");
        for (String op : new String[] {CREATE, UPDATE}) {
            rules.put(attribute(op, "mac_address"), networkOwner);
            rules.put(attribute(op, "fixed_ips:ip_address"), networkOwner);
            rules.put(attribute(op, "fixed_ips:subnet_id"), networkOwner + " or rule:network_is_shared");
            rules.put(attribute(op, "device_owner"), networkOwner);
            rules.put(attribute(op, "port_security_enabled"), networkOwner);
            rules.put(attribute(op, "allowed_address_pairs"), networkOwner);
            rules.put(attribute(op, PortRequest.HOST), "rule:context_is_admin");
            rules.put(attribute(op, PortRequest.PROFILE), "rule:context_is_admin");
        }
        return rules;
    }

    public static Map<String, Object> target(String projectId, Network network) {
        return Map.of("project_id", projectId == null ? "" : projectId, "network_project_id", network.projectId,
                "shared", network.shared ? "True" : "False");
    }
}
