package io.strato.identity.groups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.identity.domains.DefaultDomain;
import io.strato.identity.users.UserView;
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

/** /v3/groups: groups and their members. */
@Path("/v3/groups")
@Authenticated
public class GroupResource {
    private final GroupService service;
    private final MembershipService memberships;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public GroupResource(GroupService service, MembershipService memberships, Policy policy, CurrentCaller caller,
                         Links links) {
        this.service = service;
        this.memberships = memberships;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<GroupView.Many> list(@QueryParam("name") String name, @QueryParam("domain_id") String domainId) {
        String domain = domainId == null || domainId.isBlank() ? null : domainId;
        policy.enforce(GroupPolicies.LIST, caller.get(), GroupPolicies.target(null, domain));
        return service.list(name, domain).map(list -> new GroupView.Many(
                list.stream().map(g -> GroupView.of(g, links)).toList(), links.collection("groups")));
    }

    @GET
    @Path("{id}")
    public Uni<GroupView.One> get(@PathParam("id") String id) {
        Caller c = caller.get();
        return service.get(id).map(g -> {
            policy.enforce(GroupPolicies.GET, c, GroupPolicies.target(g.id, g.domainId));
            return new GroupView.One(GroupView.of(g, links));
        });
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupView.One.class)))
    public Uni<GroupView.One> create(GroupView.Body body) {
        GroupView.Fields f = Validate.body(body == null ? null : body.group(), "group");
        Caller c = caller.get();
        String domainId = DefaultDomain.of(c, f.domainId());
        policy.enforce(GroupPolicies.CREATE, c, GroupPolicies.target(null, domainId));
        return service.create(f, domainId)
                .map(g -> new GroupView.One(GroupView.of(g, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<GroupView.One> update(@PathParam("id") String id, GroupView.Body body) {
        GroupView.Fields f = Validate.body(body == null ? null : body.group(), "group");
        Caller c = caller.get();
        return service.get(id)
                .invoke(g -> policy.enforce(GroupPolicies.UPDATE, c, GroupPolicies.target(g.id, g.domainId)))
                .chain(() -> service.update(id, f))
                .map(g -> new GroupView.One(GroupView.of(g, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller c = caller.get();
        return service.get(id)
                .invoke(g -> policy.enforce(GroupPolicies.DELETE, c, GroupPolicies.target(g.id, g.domainId)))
                .chain(() -> service.delete(id))
                .map(v -> Response.noContent().build());
    }

    @GET
    @Path("{id}/users")
    public Uni<UserView.Many> listUsers(@PathParam("id") String id) {
        Caller c = caller.get();
        return memberships.group(id)
                .invoke(g -> policy.enforce(GroupPolicies.LIST_USERS, c, GroupPolicies.target(g.id, g.domainId)))
                .chain(() -> memberships.members(id))
                .map(users -> new UserView.Many(users.stream().map(u -> UserView.of(u, links)).toList(),
                        links.collection("groups/" + id + "/users")));
    }

    @PUT
    @Path("{id}/users/{userId}")
    public Uni<Response> addUser(@PathParam("id") String id, @PathParam("userId") String userId) {
        return authorize(id, userId, GroupPolicies.ADD_USER).chain(() -> memberships.add(id, userId))
                .map(v -> Response.noContent().build());
    }

    @HEAD
    @Path("{id}/users/{userId}")
    public Uni<Response> checkUser(@PathParam("id") String id, @PathParam("userId") String userId) {
        return authorize(id, userId, GroupPolicies.CHECK_USER).chain(() -> memberships.check(id, userId))
                .map(v -> Response.noContent().build());
    }

    @GET
    @Path("{id}/users/{userId}")
    public Uni<Response> checkUserByGet(@PathParam("id") String id, @PathParam("userId") String userId) {
        return checkUser(id, userId);
    }

    @DELETE
    @Path("{id}/users/{userId}")
    public Uni<Response> removeUser(@PathParam("id") String id, @PathParam("userId") String userId) {
        return authorize(id, userId, GroupPolicies.REMOVE_USER).chain(() -> memberships.remove(id, userId))
                .map(v -> Response.noContent().build());
    }

    /** Unknown group or user: 404 first; then the policy decides on the group's domain. */
    private Uni<Void> authorize(String groupId, String userId, String rule) {
        Caller c = caller.get();
        return memberships.pair(groupId, userId)
                .invoke(p -> {
                    var target = GroupPolicies.target(p.group().id, p.group().domainId);
                    target.put("user", java.util.Map.of("id", p.user().id, "domain_id", p.user().domainId));
                    policy.enforce(rule, c, target);
                })
                .replaceWithVoid();
    }
}
