package io.strato.compute.networks;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's os-networks rules (nova/policies/networks.py): list and show for the project's readers. */
@ApplicationScoped
public class NetworkPolicies implements PolicyRules {
    static final String LIST = "os_compute_api:os-networks:list";
    static final String SHOW = "os_compute_api:os-networks:show";

    @Override
    public Map<String, String> defaults() {
        return Map.of(LIST, NovaBaseRules.PROJECT_READER_OR_ADMIN, SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN);
    }
}
