package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.strato.identity.api.Links;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.Path;

/** Roles of a user on a domain. */
@Path("/v3/domains/{target}/users/{actor}/roles")
@Authenticated
public class DomainUserGrantResource extends GrantResource {
    public DomainUserGrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links) {
        super(service, policy, caller, links, Assignment.USER, Assignment.DOMAIN, AssignmentPolicies.GRANTS);
    }
}
