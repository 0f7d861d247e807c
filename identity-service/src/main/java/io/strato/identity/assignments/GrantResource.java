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
 * The grant API shared by the six grant URL families
 * ({@code /v3/{projects/P|domains/D|system}/{users/U|groups/G}/roles[/R]}). Each subclass names its
 * path with the template variables {@code target} and {@code actor} and says what they are.
 * {@code @Authenticated} sits here too: Quarkus reads security annotations from a method's declaring class.
 */
@Authenticated
public abstract class GrantResource extends GrantEndpoint {

    protected GrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links,
                            String actorType, String targetType, AssignmentPolicies.GrantRules rules) {
        super(service, policy, caller, links, actorType, targetType, rules);
    }

    @GET
    public Uni<RoleView.Many> list(@PathParam("target") String target, @PathParam("actor") String actor) {
        return listRoles(path(target, actor, false));
    }

    @PUT
    @Path("{role}")
    public Uni<Response> grant(@PathParam("target") String target, @PathParam("actor") String actor,
                               @PathParam("role") String role) {
        return grantRole(path(target, actor, false), role);
    }

    @HEAD
    @Path("{role}")
    public Uni<Response> check(@PathParam("target") String target, @PathParam("actor") String actor,
                               @PathParam("role") String role) {
        return checkRole(path(target, actor, false), role);
    }

    @GET
    @Path("{role}")
    public Uni<Response> checkByGet(@PathParam("target") String target, @PathParam("actor") String actor,
                                    @PathParam("role") String role) {
        return check(target, actor, role);
    }

    @DELETE
    @Path("{role}")
    public Uni<Response> revoke(@PathParam("target") String target, @PathParam("actor") String actor,
                                @PathParam("role") String role) {
        return revokeRole(path(target, actor, false), role);
    }
}
