package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.strato.identity.api.Links;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.Path;

/** Roles of a group on a domain. */
@Path("/v3/domains/{target}/groups/{actor}/roles")
@Authenticated
public class DomainGroupGrantResource extends GrantResource {
    public DomainGroupGrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links) {
        super(service, policy, caller, links, Assignment.GROUP, Assignment.DOMAIN, AssignmentPolicies.GRANTS);
    }
}
