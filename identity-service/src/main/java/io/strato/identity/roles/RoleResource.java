package io.strato.identity.roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** /v3/roles: roles and the implied-role rules of a prior role. */
@Path("/v3/roles")
@Authenticated
public class RoleResource {
    private final RoleService service;
    private final ImpliedRoleService implied;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public RoleResource(RoleService service, ImpliedRoleService implied, Policy policy, CurrentCaller caller,
                        Links links) {
        this.service = service;
        this.implied = implied;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<RoleView.Many> list(@QueryParam("name") String name, @QueryParam("domain_id") String domainId) {
        String domain = domainId == null || domainId.isBlank() ? null : domainId;
        policy.enforce(RolePolicies.forRole(RolePolicies.LIST, RolePolicies.LIST_DOMAIN_ROLES, domain), caller.get(),
                RolePolicies.target(null, domain));
        return service.list(name, domain).map(list -> new RoleView.Many(
                list.stream().map(r -> RoleView.of(r, links)).toList(), links.collection("roles")));
    }

    @GET
    @Path("{id}")
    public Uni<RoleView.One> get(@PathParam("id") String id) {
        Caller c = caller.get();
        return service.get(id).map(r -> {
            policy.enforce(RolePolicies.forRole(RolePolicies.GET, RolePolicies.GET_DOMAIN_ROLE, r.domainId), c,
                    RolePolicies.target(r));
            return new RoleView.One(RoleView.of(r, links));
        });
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleView.One.class)))
    public Uni<RoleView.One> create(RoleView.Body body) {
        RoleView.Fields f = Validate.body(body == null ? null : body.role(), "role");
        String domain = f.domainId() == null || f.domainId().isBlank() ? null : f.domainId();
        policy.enforce(RolePolicies.forRole(RolePolicies.CREATE, RolePolicies.CREATE_DOMAIN_ROLE, domain), caller.get(),
                RolePolicies.target(null, domain));
        return service.create(f)
                .map(r -> new RoleView.One(RoleView.of(r, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<RoleView.One> update(@PathParam("id") String id, RoleView.Body body) {
        RoleView.Fields f = Validate.body(body == null ? null : body.role(), "role");
        Caller c = caller.get();
        return service.get(id).invoke(r -> policy.enforce(
                        RolePolicies.forRole(RolePolicies.UPDATE, RolePolicies.UPDATE_DOMAIN_ROLE, r.domainId), c,
                        RolePolicies.target(r)))
                .chain(() -> service.update(id, f))
                .map(r -> new RoleView.One(RoleView.of(r, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller c = caller.get();
        return service.get(id).invoke(r -> policy.enforce(
                        RolePolicies.forRole(RolePolicies.DELETE, RolePolicies.DELETE_DOMAIN_ROLE, r.domainId), c,
                        RolePolicies.target(r)))
                .chain(() -> service.delete(id))
                .map(v -> Response.noContent().build());
    }

    @GET
    @Path("{prior}/implies")
    public Uni<ImpliedRoleView.OfPrior> listImplied(@PathParam("prior") String prior) {
        Caller c = caller.get();
        return implied.ofPrior(prior).map(rules -> {
            policy.enforce(RolePolicies.LIST_IMPLIED, c, RolePolicies.target(rules.prior()));
            return new ImpliedRoleView.OfPrior(new ImpliedRoleView.Inferences(
                    ImpliedRoleView.RoleRef.of(rules.prior(), links),
                    rules.implied().stream().map(r -> ImpliedRoleView.RoleRef.of(r, links)).toList()),
                    links.self("roles/" + prior + "/implies"));
        });
    }

    @PUT
    @Path("{prior}/implies/{implied}")
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpliedRoleView.One.class)))
    public Uni<ImpliedRoleView.One> createImplied(@PathParam("prior") String prior, @PathParam("implied") String impliedId) {
        Caller c = caller.get();
        return implied.prior(prior)
                .invoke(p -> policy.enforce(RolePolicies.CREATE_IMPLIED, c, RolePolicies.target(p)))
                .chain(() -> implied.create(prior, impliedId))
                .map(this::one);
    }

    @GET
    @Path("{prior}/implies/{implied}")
    public Uni<ImpliedRoleView.One> getImplied(@PathParam("prior") String prior, @PathParam("implied") String impliedId) {
        Caller c = caller.get();
        return implied.get(prior, impliedId).map(rule -> {
            policy.enforce(RolePolicies.GET_IMPLIED, c, RolePolicies.target(rule.prior()));
            return one(rule);
        });
    }

    @HEAD
    @Path("{prior}/implies/{implied}")
    public Uni<Response> checkImplied(@PathParam("prior") String prior, @PathParam("implied") String impliedId) {
        Caller c = caller.get();
        return implied.get(prior, impliedId).map(rule -> {
            policy.enforce(RolePolicies.CHECK_IMPLIED, c, RolePolicies.target(rule.prior()));
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("{prior}/implies/{implied}")
    public Uni<Response> deleteImplied(@PathParam("prior") String prior, @PathParam("implied") String impliedId) {
        Caller c = caller.get();
        return implied.prior(prior)
                .invoke(p -> policy.enforce(RolePolicies.DELETE_IMPLIED, c, RolePolicies.target(p)))
                .chain(() -> implied.delete(prior, impliedId))
                .map(v -> Response.noContent().build());
    }

    private ImpliedRoleView.One one(ImpliedRoleService.Rule rule) {
        return new ImpliedRoleView.One(new ImpliedRoleView.Inference(
                ImpliedRoleView.RoleRef.of(rule.prior(), links), ImpliedRoleView.RoleRef.of(rule.implied(), links)),
                links.self("roles/" + rule.prior().id + "/implies/" + rule.implied().id));
    }
}
