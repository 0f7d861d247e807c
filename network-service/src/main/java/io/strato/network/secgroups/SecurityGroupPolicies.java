package io.strato.network.secgroups;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Neutron's security group and rule rules (secure RBAC defaults): readers read, members change. */
@ApplicationScoped
public class SecurityGroupPolicies implements PolicyRules {
    static final String CREATE = "create_security_group";
    static final String GET = "get_security_group";
    static final String UPDATE = "update_security_group";
    static final String DELETE = "delete_security_group";
    static final String CREATE_RULE = "create_security_group_rule";
    static final String GET_RULE = "get_security_group_rule";
    static final String DELETE_RULE = "delete_security_group_rule";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                CREATE, "rule:admin_or_project_member",
                GET, "rule:admin_or_project_reader",
                UPDATE, "rule:admin_or_project_member",
                DELETE, "rule:admin_or_project_member",
                CREATE_RULE, "rule:admin_or_project_member",
                GET_RULE, "rule:admin_or_project_reader",
                DELETE_RULE, "rule:admin_or_project_member");
    }
}
