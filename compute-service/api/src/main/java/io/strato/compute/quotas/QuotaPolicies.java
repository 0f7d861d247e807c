package io.strato.compute.quotas;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's quota-set and limits rules: a project reads its own quotas, admins read and change anyone's. */
@ApplicationScoped
public class QuotaPolicies implements PolicyRules {
    static final String SHOW = "os_compute_api:os-quota-sets:show";
    static final String DETAIL = "os_compute_api:os-quota-sets:detail";
    static final String DEFAULTS = "os_compute_api:os-quota-sets:defaults";
    static final String UPDATE = "os_compute_api:os-quota-sets:update";
    static final String DELETE = "os_compute_api:os-quota-sets:delete";
    static final String LIMITS = "os_compute_api:limits";
    static final String LIMITS_OTHER_PROJECT = "os_compute_api:limits:other_project";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                DETAIL, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                DEFAULTS, NovaBaseRules.ANY,
                UPDATE, NovaBaseRules.ADMIN,
                DELETE, NovaBaseRules.ADMIN,
                LIMITS, NovaBaseRules.ANY,
                LIMITS_OTHER_PROJECT, NovaBaseRules.ADMIN);
    }
}
