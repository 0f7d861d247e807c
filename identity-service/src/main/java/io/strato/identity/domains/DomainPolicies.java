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

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                GET, "rule:admin_or_system_reader or domain_id:%(target.domain.id)s"
                        + " or project_domain_id:%(target.domain.id)s or user_domain_id:%(target.domain.id)s",
                LIST, "rule:admin_or_system_reader",
                CREATE, "rule:admin_required",
                UPDATE, "rule:admin_required",
                DELETE, "rule:admin_required");
    }
}
