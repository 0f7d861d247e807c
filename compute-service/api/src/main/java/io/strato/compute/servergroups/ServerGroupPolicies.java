package io.strato.compute.servergroups;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's server group rules: members of a project create, its readers read, admins see all projects'. */
@ApplicationScoped
public class ServerGroupPolicies implements PolicyRules {
    static final String CREATE = "os_compute_api:os-server-groups:create";
    static final String DELETE = "os_compute_api:os-server-groups:delete";
    static final String INDEX = "os_compute_api:os-server-groups:index";
    static final String INDEX_ALL = "os_compute_api:os-server-groups:index:all_projects";
    static final String SHOW = "os_compute_api:os-server-groups:show";

    @Override
    public Map<String, String> defaults() {
        return Map.of(
                CREATE, NovaBaseRules.PROJECT_MEMBER,
                DELETE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN,
                INDEX, NovaBaseRules.PROJECT_READER_OR_ADMIN,
                INDEX_ALL, NovaBaseRules.ADMIN,
                SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN);
    }
}
