package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.strato.identity.api.Links;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.Path;

/** Roles of a user on a project. */
@Path("/v3/projects/{target}/users/{actor}/roles")
@Authenticated
public class ProjectUserGrantResource extends GrantResource {
    public ProjectUserGrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links) {
        super(service, policy, caller, links, Assignment.USER, Assignment.PROJECT, AssignmentPolicies.GRANTS);
    }
}
