package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.strato.identity.api.Links;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.Path;

/** Roles of a group on a project. */
@Path("/v3/projects/{target}/groups/{actor}/roles")
@Authenticated
public class ProjectGroupGrantResource extends GrantResource {
    public ProjectGroupGrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links) {
        super(service, policy, caller, links, Assignment.GROUP, Assignment.PROJECT, AssignmentPolicies.GRANTS);
    }
}
