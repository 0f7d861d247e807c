package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.roles.RoleView;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * OS-INHERIT grants ({@code /v3/OS-INHERIT/{domains/D|projects/P}/{users/U|groups/G}/roles/R/inherited_to_projects}):
 * a role held on every project below the target, not on the target itself. Same rules as direct grants.
 */
@Authenticated
public abstract class InheritedGrantResource extends GrantEndpoint {

    protected InheritedGrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links,
                                     String actorType, String targetType) {
        super(service, policy, caller, links, actorType, targetType, AssignmentPolicies.GRANTS);
    }

    @GET
    @Path("inherited_to_projects")
    public Uni<RoleView.Many> list(@PathParam("target") String target, @PathParam("actor") String actor) {
        return listRoles(path(target, actor, true));
    }

    @PUT
    @Path("{role}/inherited_to_projects")
    public Uni<Response> grant(@PathParam("target") String target, @PathParam("actor") String actor,
                               @PathParam("role") String role) {
        return grantRole(path(target, actor, true), role);
    }

    @HEAD
    @Path("{role}/inherited_to_projects")
    public Uni<Response> check(@PathParam("target") String target, @PathParam("actor") String actor,
                               @PathParam("role") String role) {
        return checkRole(path(target, actor, true), role);
    }

    @GET
    @Path("{role}/inherited_to_projects")
    public Uni<Response> checkByGet(@PathParam("target") String target, @PathParam("actor") String actor,
                                    @PathParam("role") String role) {
        return check(target, actor, role);
    }

    @DELETE
    @Path("{role}/inherited_to_projects")
    public Uni<Response> revoke(@PathParam("target") String target, @PathParam("actor") String actor,
                                @PathParam("role") String role) {
        return revokeRole(path(target, actor, true), role);
    }

    /** {@code /v3/OS-INHERIT/domains/{d}/users/{u}/roles}. */
    @Path("/v3/OS-INHERIT/domains/{target}/users/{actor}/roles")
    public static class DomainUser extends InheritedGrantResource {
        public DomainUser(GrantService service, Policy policy, CurrentCaller caller, Links links) {
            super(service, policy, caller, links, Assignment.USER, Assignment.DOMAIN);
        }
    }

    /** {@code /v3/OS-INHERIT/domains/{d}/groups/{g}/roles}. */
    @Path("/v3/OS-INHERIT/domains/{target}/groups/{actor}/roles")
    public static class DomainGroup extends InheritedGrantResource {
        public DomainGroup(GrantService service, Policy policy, CurrentCaller caller, Links links) {
            super(service, policy, caller, links, Assignment.GROUP, Assignment.DOMAIN);
        }
    }

    /** {@code /v3/OS-INHERIT/projects/{p}/users/{u}/roles}. */
    @Path("/v3/OS-INHERIT/projects/{target}/users/{actor}/roles")
    public static class ProjectUser extends InheritedGrantResource {
        public ProjectUser(GrantService service, Policy policy, CurrentCaller caller, Links links) {
            super(service, policy, caller, links, Assignment.USER, Assignment.PROJECT);
        }
    }

    /** {@code /v3/OS-INHERIT/projects/{p}/groups/{g}/roles}. */
    @Path("/v3/OS-INHERIT/projects/{target}/groups/{actor}/roles")
    public static class ProjectGroup extends InheritedGrantResource {
        public ProjectGroup(GrantService service, Policy policy, CurrentCaller caller, Links links) {
            super(service, policy, caller, links, Assignment.GROUP, Assignment.PROJECT);
        }
    }
}
