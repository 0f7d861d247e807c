package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.roles.RoleView;
import io.strato.kit.auth.Caller;
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
public abstract class GrantResource {
    private final GrantService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;
    private final String actorType;
    private final String targetType;
    private final AssignmentPolicies.GrantRules rules;

    protected GrantResource(GrantService service, Policy policy, CurrentCaller caller, Links links,
                            String actorType, String targetType, AssignmentPolicies.GrantRules rules) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
        this.actorType = actorType;
        this.targetType = targetType;
        this.rules = rules;
    }

    @GET
    public Uni<RoleView.Many> list(@PathParam("target") String target, @PathParam("actor") String actor) {
        GrantPath g = path(target, actor);
        return authorize(g, null, rules.list()).chain(() -> service.list(g)).map(roles -> new RoleView.Many(
                roles.stream().map(r -> RoleView.of(r, links)).toList(), links.collection(g.rolesPath())));
    }

    @PUT
    @Path("{role}")
    public Uni<Response> grant(@PathParam("target") String target, @PathParam("actor") String actor,
                               @PathParam("role") String role) {
        GrantPath g = path(target, actor);
        return authorize(g, role, rules.create()).chain(() -> service.grant(g, role))
                .map(v -> Response.noContent().build());
    }

    @HEAD
    @Path("{role}")
    public Uni<Response> check(@PathParam("target") String target, @PathParam("actor") String actor,
                               @PathParam("role") String role) {
        GrantPath g = path(target, actor);
        return authorize(g, role, rules.check()).chain(() -> service.check(g, role))
                .map(v -> Response.noContent().build());
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
        GrantPath g = path(target, actor);
        return authorize(g, role, rules.revoke()).chain(() -> service.revoke(g, role))
                .map(v -> Response.noContent().build());
    }

    private GrantPath path(String target, String actor) {
        return new GrantPath(actorType, actor, targetType,
                Assignment.SYSTEM.equals(targetType) ? Assignment.SYSTEM_ALL : target);
    }

    /** Unknown actor or target: 404 first, as Keystone; then the policy decides. */
    private Uni<Void> authorize(GrantPath g, String roleId, String rule) {
        Caller c = caller.get();
        return service.targetDomain(g)
                .invoke(domainId -> policy.enforce(rule, c, AssignmentPolicies.target(g, domainId, roleId)))
                .replaceWithVoid();
    }
}
