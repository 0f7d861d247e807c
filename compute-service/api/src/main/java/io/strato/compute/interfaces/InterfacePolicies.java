package io.strato.compute.interfaces;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's os-attach-interfaces rules: the project's readers list and show, its members attach and detach. */
@ApplicationScoped
public class InterfacePolicies implements PolicyRules {
    static final String LIST = "os_compute_api:os-attach-interfaces:list";
    static final String SHOW = "os_compute_api:os-attach-interfaces:show";
    static final String CREATE = "os_compute_api:os-attach-interfaces:create";
    static final String DELETE = "os_compute_api:os-attach-interfaces:delete";

    @Override
    public Map<String, String> defaults() {
        return Map.of(LIST, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                CREATE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                DELETE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN);
    }
}
