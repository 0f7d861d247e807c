package io.strato.compute.keypairs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.web.PageLinks;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nova's os-keypairs: a user's own key pairs, created with 200 and deleted with 202 at 2.1; 2.2 adds the type and
 * answers 201/204; from 2.10 an admin names another user with {@code user_id}; 2.35 pages the list with limit and
 * marker; 2.92 needs a public key (no more generation) and allows '@' and '.' in names.
 */
@Path("/v2.1/os-keypairs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class KeypairResource {
    private static final int MAX_LIMIT = 1000;

    private final KeypairService keypairs;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final String publicUrl;

    public KeypairResource(KeypairService keypairs, Policy policy, CurrentCaller callers, ApiVersion version,
                           @ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                           String publicUrl) {
        this.keypairs = keypairs;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.publicUrl = publicUrl;
    }

    @GET
    @io.strato.compute.api.QueryKeys({"user_id", "limit", "marker"})
    public Uni<KeypairView.Many> index(@QueryParam("user_id") String userId, @QueryParam("limit") String limit,
                                       @QueryParam("marker") String marker, @Context UriInfo uri) {
        Caller caller = callers.get();
        String user = user(caller, userId, KeypairPolicies.INDEX);
        boolean paged = version.atLeast(35);
        Paging paging = paged ? Paging.of(limit, marker, MAX_LIMIT, MAX_LIMIT) : new Paging(MAX_LIMIT, null);
        int size = paging.limit() == 0 ? MAX_LIMIT : paging.limit();
        boolean typed = version.atLeast(2);
        return keypairs.list(user, size, paging.marker()).map(list -> new KeypairView.Many(
                list.stream().map(k -> new KeypairView.Entry(KeypairView.brief(k, typed))).toList(),
                paged && !list.isEmpty() && list.size() == size
                        ? Link.next(PageLinks.next(uri.getRequestUri(), list.get(list.size() - 1).name, publicUrl, "/v2.1/"))
                        : null));
    }

    @POST
    public Uni<Response> create(KeypairBody body) {
        Caller caller = callers.get();
        KeypairRequest r = KeypairRequest.parse(BodyRecords.json(body), version.get());
        String user = user(caller, r.userId(), KeypairPolicies.CREATE);
        boolean typed = version.atLeast(2);
        return keypairs.create(user, caller.projectId(), r).map(c -> Response.status(typed ? 201 : 200)
                .entity(new KeypairView.CreatedOne(KeypairView.created(c.keypair(), c.privateKey(), typed))).build());
    }

    @GET
    @Path("{name}")
    @io.strato.compute.api.QueryKeys({"user_id"})
    public Uni<KeypairView.One> show(@PathParam("name") String name, @QueryParam("user_id") String userId) {
        Caller caller = callers.get();
        String user = user(caller, userId, KeypairPolicies.SHOW);
        return keypairs.show(user, name).map(k -> new KeypairView.One(KeypairView.detail(k, version.atLeast(2))));
    }

    @DELETE
    @Path("{name}")
    @io.strato.compute.api.QueryKeys({"user_id"})
    public Uni<Response> delete(@PathParam("name") String name, @QueryParam("user_id") String userId) {
        Caller caller = callers.get();
        String user = user(caller, userId, KeypairPolicies.DELETE);
        return keypairs.delete(user, name).map(v -> Response.status(version.atLeast(2) ? 204 : 202).build());
    }

    /** Whose key pairs: the caller's, or from 2.10 the {@code user_id} asked for, if the rule allows it. */
    private String user(Caller caller, String asked, String rule) {
        String user = asked != null && !asked.isEmpty() && version.atLeast(10) ? asked : caller.userId();
        policy.enforce(rule, caller, KeypairPolicies.user(user));
        return user;
    }
}
