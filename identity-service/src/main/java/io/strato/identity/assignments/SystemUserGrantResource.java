package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.strato.identity.api.Links;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.Path;

/** Roles of a user on the system (the path variable only ever matches 'system'). */
@Path("/v3/{target:system}/users/{actor}/roles")
@Authenticated
public class SystemUserGrantResource extends GrantResource {
    public SystemUserGrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links) {
        super(service, policy, caller, links, Assignment.USER, Assignment.SYSTEM, AssignmentPolicies.SYSTEM_USER_GRANTS);
    }
}
