package io.strato.network.quotas;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Neutron's quota rules: a project reads its own quotas, only an admin reads others' or changes any. */
@ApplicationScoped
public class QuotaPolicies implements PolicyRules {
    static final String GET = "get_quota";
    static final String UPDATE = "update_quota";
    static final String DELETE = "delete_quota";

    @Override
    public Map<String, String> defaults() {
        return Map.of(GET, "rule:admin_or_project_reader",
                UPDATE, "rule:context_is_admin",
                DELETE, "rule:context_is_admin");
    }
}
