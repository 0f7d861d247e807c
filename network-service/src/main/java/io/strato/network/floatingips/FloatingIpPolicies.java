package io.strato.network.floatingips;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Neutron's floating IP rules (secure-RBAC defaults); choosing the address itself is for admins. */
@ApplicationScoped
public class FloatingIpPolicies implements PolicyRules {
    static final String CREATE = "create_floatingip";
    static final String CREATE_ADDRESS = "create_floatingip:floating_ip_address";
    static final String GET = "get_floatingip";
    static final String UPDATE = "update_floatingip";
    static final String DELETE = "delete_floatingip";

    @Override
    public Map<String, String> defaults() {
        return Map.of(CREATE, "rule:admin_or_project_member",
                CREATE_ADDRESS, "rule:context_is_admin",
                GET, "rule:admin_or_project_reader",
                UPDATE, "rule:admin_or_project_member",
                DELETE, "rule:admin_or_project_member");
    }
}
