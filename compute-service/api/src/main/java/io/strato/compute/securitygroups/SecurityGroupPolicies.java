package io.strato.compute.securitygroups;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's os-security-groups rules (nova/policies/security_groups.py): reads for readers, changes for members. */
@ApplicationScoped
public class SecurityGroupPolicies implements PolicyRules {
    static final String GET = "os_compute_api:os-security-groups:get";
    static final String SHOW = "os_compute_api:os-security-groups:show";
    static final String CREATE = "os_compute_api:os-security-groups:create";
    static final String UPDATE = "os_compute_api:os-security-groups:update";
    static final String DELETE = "os_compute_api:os-security-groups:delete";
    static final String RULE_CREATE = "os_compute_api:os-security-groups:rule:create";
    static final String RULE_DELETE = "os_compute_api:os-security-groups:rule:delete";
    static final String LIST = "os_compute_api:os-security-groups:list";

    @Override
    public Map<String, String> defaults() {
        return Map.of(GET, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                CREATE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                UPDATE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                DELETE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                RULE_CREATE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                RULE_DELETE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                LIST, NovaBaseRules.PROJECT_READER_OR_ADMIN);
    }
}
