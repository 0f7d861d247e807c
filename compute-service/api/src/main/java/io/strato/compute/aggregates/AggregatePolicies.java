package io.strato.compute.aggregates;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's rules for os-aggregates: every action is an admin's. */
@ApplicationScoped
public class AggregatePolicies implements PolicyRules {
    static final String INDEX = "os_compute_api:os-aggregates:index";
    static final String CREATE = "os_compute_api:os-aggregates:create";
    static final String SHOW = "os_compute_api:os-aggregates:show";
    static final String UPDATE = "os_compute_api:os-aggregates:update";
    static final String DELETE = "os_compute_api:os-aggregates:delete";
    static final String ADD_HOST = "os_compute_api:os-aggregates:add_host";
    static final String REMOVE_HOST = "os_compute_api:os-aggregates:remove_host";
    static final String SET_METADATA = "os_compute_api:os-aggregates:set_metadata";
    static final String IMAGES = "compute:aggregates:images";

    @Override
    public Map<String, String> defaults() {
        return Map.of(INDEX, NovaBaseRules.ADMIN, CREATE, NovaBaseRules.ADMIN, SHOW, NovaBaseRules.ADMIN,
                UPDATE, NovaBaseRules.ADMIN, DELETE, NovaBaseRules.ADMIN, ADD_HOST, NovaBaseRules.ADMIN,
                REMOVE_HOST, NovaBaseRules.ADMIN, SET_METADATA, NovaBaseRules.ADMIN, IMAGES, NovaBaseRules.ADMIN);
    }
}
