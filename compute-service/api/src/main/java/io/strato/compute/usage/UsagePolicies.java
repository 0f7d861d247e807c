package io.strato.compute.usage;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Nova's rules for os-simple-tenant-usage (every project's usage for admins, a project's own for its readers) and
 * os-instance-usage-audit-log (admins).
 */
@ApplicationScoped
public class UsagePolicies implements PolicyRules {
    static final String LIST = "os_compute_api:os-simple-tenant-usage:list";
    static final String SHOW = "os_compute_api:os-simple-tenant-usage:show";
    static final String AUDIT_LOG_LIST = "os_compute_api:os-instance-usage-audit-log:list";
    static final String AUDIT_LOG_SHOW = "os_compute_api:os-instance-usage-audit-log:show";

    @Override
    public Map<String, String> defaults() {
        return Map.of(LIST, NovaBaseRules.ADMIN, SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                AUDIT_LOG_LIST, NovaBaseRules.ADMIN, AUDIT_LOG_SHOW, NovaBaseRules.ADMIN);
    }
}
