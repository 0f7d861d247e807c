package io.strato.compute.flavors;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's flavor rules (flavor_manage, flavor_access, flavor_extra_specs); listing and showing flavors has none. */
@ApplicationScoped
public class FlavorPolicies implements PolicyRules {
    static final String CREATE = "os_compute_api:os-flavor-manage:create";
    static final String UPDATE = "os_compute_api:os-flavor-manage:update";
    static final String DELETE = "os_compute_api:os-flavor-manage:delete";
    static final String ACCESS_LIST = "os_compute_api:os-flavor-access";
    static final String ACCESS_ADD = "os_compute_api:os-flavor-access:add_tenant_access";
    static final String ACCESS_REMOVE = "os_compute_api:os-flavor-access:remove_tenant_access";
    static final String SPECS_INDEX = "os_compute_api:os-flavor-extra-specs:index";
    static final String SPECS_SHOW = "os_compute_api:os-flavor-extra-specs:show";
    static final String SPECS_CREATE = "os_compute_api:os-flavor-extra-specs:create";
    static final String SPECS_UPDATE = "os_compute_api:os-flavor-extra-specs:update";
    static final String SPECS_DELETE = "os_compute_api:os-flavor-extra-specs:delete";

    @Override
    public Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry(CREATE, NovaBaseRules.ADMIN),
                Map.entry(UPDATE, NovaBaseRules.ADMIN),
                Map.entry(DELETE, NovaBaseRules.ADMIN),
                Map.entry(ACCESS_LIST, NovaBaseRules.ADMIN),
                Map.entry(ACCESS_ADD, NovaBaseRules.ADMIN),
                Map.entry(ACCESS_REMOVE, NovaBaseRules.ADMIN),
                Map.entry(SPECS_INDEX, NovaBaseRules.PROJECT_READER_OR_ADMIN),
                Map.entry(SPECS_SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN),
                Map.entry(SPECS_CREATE, NovaBaseRules.ADMIN),
                Map.entry(SPECS_UPDATE, NovaBaseRules.ADMIN),
                Map.entry(SPECS_DELETE, NovaBaseRules.ADMIN));
    }
}
