package io.strato.identity.users;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.identity.config.IdentityConfig;
import io.strato.identity.domains.DefaultDomain;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Paging;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/v3/users")
@Authenticated
public class UserResource {
    private final UserService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;
    private final IdentityConfig config;

    public UserResource(UserService service, Policy policy, CurrentCaller caller, Links links, IdentityConfig config) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
        this.config = config;
    }

    @GET
    public Uni<UserView.Many> list(@QueryParam("name") String name, @QueryParam("domain_id") String domainId,
                                   @QueryParam("enabled") String enabled, @QueryParam("limit") String limit,
                                   @QueryParam("marker") String marker) {
        Map<String, Object> target = new HashMap<>();
        target.put("domain_id", domainId);
        policy.enforce(UserPolicies.LIST, caller.get(), target);
        return service.list(name, domainId, Validate.queryBoolean(enabled, "enabled"),
                        Paging.of(limit, marker, config.maxListLimit(), config.maxListLimit()))
                .map(list -> new UserView.Many(list.stream().map(u -> UserView.of(u, links)).toList(),
                        links.collection("users")));
    }

    @GET
    @Path("{id}")
    public Uni<UserView.One> get(@PathParam("id") String id) {
        return service.get(id).map(u -> {
            policy.enforce(UserPolicies.GET, caller.get(), target(u));
            return new UserView.One(UserView.of(u, links));
        });
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.One.class)))
    public Uni<UserView.One> create(UserView.Body body) {
        UserView.Fields f = Validate.body(body == null ? null : body.user(), "user");
        Caller c = caller.get();
        String domainId = DefaultDomain.of(c, f.domainId());
        policy.enforce(UserPolicies.CREATE, c, Map.of("user", Map.of("domain_id", domainId)));
        return service.create(f, domainId)
                .map(u -> new UserView.One(UserView.of(u, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<UserView.One> update(@PathParam("id") String id, UserView.Body body) {
        UserView.Fields f = Validate.body(body == null ? null : body.user(), "user");
        return service.get(id).flatMap(u -> {
            policy.enforce(UserPolicies.UPDATE, caller.get(), target(u));
            return service.update(id, f);
        }).map(u -> new UserView.One(UserView.of(u, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.get(id).flatMap(u -> {
            policy.enforce(UserPolicies.DELETE, caller.get(), target(u));
            return service.delete(id);
        }).map(v -> Response.noContent().build());
    }

    /**
     * As Keystone, no token and no policy: the original password is the proof, so a user whose password expired
     * can still change it, and an admin who knows it may too.
     */
    @POST
    @Path("{id}/password")
    @PermitAll
    public Uni<Response> changePassword(@PathParam("id") String id, UserView.PasswordBody body) {
        UserView.PasswordChange change = Validate.body(body == null ? null : body.user(), "user");
        return service.changePassword(id, change).map(v -> Response.noContent().build());
    }

    private static Map<String, Object> target(User u) {
        return Map.of("user", Map.of("id", u.id, "domain_id", u.domainId));
    }
}
