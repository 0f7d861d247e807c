package io.strato.compute.serverinfo;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Nova's rules for a server's password and virtual interfaces (the project's readers, clear: members, or admins)
 * and its diagnostics (admins).
 */
@ApplicationScoped
public class ServerInfoPolicies implements PolicyRules {
    static final String PASSWORD_SHOW = "os_compute_api:os-server-password:show";
    static final String PASSWORD_CLEAR = "os_compute_api:os-server-password:clear";
    static final String VIRTUAL_INTERFACES_LIST = "os_compute_api:os-virtual-interfaces:list";
    static final String DIAGNOSTICS = "os_compute_api:os-server-diagnostics";

    @Override
    public Map<String, String> defaults() {
        return Map.of(PASSWORD_SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                PASSWORD_CLEAR, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                VIRTUAL_INTERFACES_LIST, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                DIAGNOSTICS, NovaBaseRules.ADMIN);
    }
}
