package io.strato.compute.floatingips;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's os-floating-ips rules (reads reader, allocate/release member) and os-floating-ip-pools (anyone). */
@ApplicationScoped
public class FloatingIpPolicies implements PolicyRules {
    static final String LIST = "os_compute_api:os-floating-ips:list";
    static final String SHOW = "os_compute_api:os-floating-ips:show";
    static final String CREATE = "os_compute_api:os-floating-ips:create";
    static final String DELETE = "os_compute_api:os-floating-ips:delete";
    static final String POOLS = "os_compute_api:os-floating-ip-pools";

    @Override
    public Map<String, String> defaults() {
        return Map.of(LIST, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                CREATE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                DELETE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                POOLS, NovaBaseRules.ANY);
    }
}
