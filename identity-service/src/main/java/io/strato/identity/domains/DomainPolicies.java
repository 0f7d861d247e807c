package io.strato.identity.domains;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
public class DomainPolicies implements PolicyRules {
    static final String GET = "identity:get_domain";
    static final String LIST = "identity:list_domains";
    static final String CREATE = "identity:create_domain";
    static final String UPDATE = "identity:update_domain";
    static final String DELETE = "identity:delete_domain";
    static final String CREATE_CONFIG = "identity:create_domain_config";
    static final String GET_CONFIG = "identity:get_domain_config";
    static final String UPDATE_CONFIG = "identity:update_domain_config";
    static final String DELETE_CONFIG = "identity:delete_domain_config";
    static final String GET_CONFIG_DEFAULT = "identity:get_domain_config_default";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                GET, "rule:admin_or_system_reader or domain_id:%(target.domain.id)s"
                        + " or project_domain_id:%(target.domain.id)s or user_domain_id:%(target.domain.id)s",
                LIST, "rule:admin_or_system_reader",
                CREATE, "rule:admin_required",
                UPDATE, "rule:admin_required",
                DELETE, "rule:admin_required",
                CREATE_CONFIG, "rule:admin_required",
                GET_CONFIG, "rule:admin_or_system_reader",
                UPDATE_CONFIG, "rule:admin_required",
                DELETE_CONFIG, "rule:admin_required",
                GET_CONFIG_DEFAULT, "rule:admin_or_system_reader");
    }
}
