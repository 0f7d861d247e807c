package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.strato.identity.api.Links;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.Path;

/** Roles of a group on the system (the path variable only ever matches 'system'). */
@Path("/v3/{target:system}/groups/{actor}/roles")
@Authenticated
public class SystemGroupGrantResource extends GrantResource {
    public SystemGroupGrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links) {
        super(service, policy, caller, links, Assignment.GROUP, Assignment.SYSTEM, AssignmentPolicies.SYSTEM_GROUP_GRANTS);
    }
}
