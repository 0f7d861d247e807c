package io.strato.identity.domains;

import io.quarkus.security.Authenticated;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** {@code /v3/domains/config[/{group}[/{option}]]/default}: the values a domain's configuration starts from. */
@Path("/v3/domains/config")
@Authenticated
public class DomainConfigDefaultResource {
    private final DomainConfigService service;
    private final Policy policy;
    private final CurrentCaller caller;

    public DomainConfigDefaultResource(DomainConfigService service, Policy policy, CurrentCaller caller) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
    }

    @GET
    @Path("default")
    public DomainConfigView all() {
        return defaults(null, null);
    }

    @GET
    @Path("{group}/default")
    public DomainConfigView group(@PathParam("group") String group) {
        return defaults(group, null);
    }

    @GET
    @Path("{group}/{option}/default")
    public DomainConfigView option(@PathParam("group") String group, @PathParam("option") String option) {
        return defaults(group, option);
    }

    private DomainConfigView defaults(String group, String option) {
        policy.enforce(DomainPolicies.GET_CONFIG_DEFAULT, caller.get(), Map.of());
        return new DomainConfigView(service.defaults(group, option));
    }
}
