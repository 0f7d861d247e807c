package io.strato.network.subnets;

import io.strato.kit.policy.PolicyRules;
import io.strato.network.networks.Network;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Neutron's subnet rules: only the network's owner (or an admin) adds, changes or removes its
 * subnets, even on a shared network; the subnets of shared networks are readable by all. An external network is
 * visible to all, but not its subnets unless it is also shared (Neutron's {@code get_subnet}; Tempest's
 * {@code test_external_network_visibility}).
 * The target carries the subnet's {@code project_id}, the network's as {@code network_project_id},
 * and the network's {@code shared}/{@code external} as "True"/"False".
 */
@ApplicationScoped
public class SubnetPolicies implements PolicyRules {
    public static final String CREATE = "create_subnet";
    public static final String GET = "get_subnet";
    public static final String UPDATE = "update_subnet";
    public static final String DELETE = "delete_subnet";

    @Override
    public Map<String, String> defaults() {
        String networkOwner = "rule:context_is_admin or (role:member and project_id:%(network_project_id)s)";
        return Map.of(
                CREATE, "rule:context_is_admin or (role:member and project_id:%(network_project_id)s and project_id:%(project_id)s)",
                GET, "rule:admin_or_project_reader or rule:network_is_shared"
                        + " or ((role:reader or role:member) and project_id:%(network_project_id)s)",
                UPDATE, networkOwner,
                DELETE, networkOwner);
    }

    public static Map<String, Object> target(String projectId, Network network) {
        return Map.of("project_id", projectId == null ? "" : projectId, "network_project_id", network.projectId,
                "shared", network.shared ? "True" : "False", "external", network.routerExternal ? "True" : "False");
    }
}
