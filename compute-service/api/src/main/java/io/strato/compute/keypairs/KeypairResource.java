package io.strato.compute.keypairs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nova's os-keypairs at 2.1: a user's own key pairs, created with 200 and deleted with 202 (another user's
 * {@code user_id} is Nova's 2.10, the type and 201/204 its 2.2, paging its 2.35).
 */
@Path("/v2.1/os-keypairs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class KeypairResource {
    private static final int MAX_LIMIT = 1000;

    private final KeypairService keypairs;
    private final Policy policy;
    private final CurrentCaller callers;

    public KeypairResource(KeypairService keypairs, Policy policy, CurrentCaller callers) {
        this.keypairs = keypairs;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<KeypairView.Many> index() {
        Caller caller = callers.get();
        String user = user(caller, KeypairPolicies.INDEX);
        return keypairs.list(user, MAX_LIMIT, null).map(list -> new KeypairView.Many(
                list.stream().map(k -> new KeypairView.Entry(KeypairView.brief(k))).toList()));
    }

    @POST
    public Uni<Response> create(KeypairBody body) {
        Caller caller = callers.get();
        KeypairRequest r = KeypairRequest.parse(BodyRecords.json(body));
        String user = user(caller, KeypairPolicies.CREATE);
        return keypairs.create(user, caller.projectId(), r).map(c -> Response.status(200)
                .entity(new KeypairView.CreatedOne(KeypairView.created(c.keypair(), c.privateKey()))).build());
    }

    @GET
    @Path("{name}")
    public Uni<KeypairView.One> show(@PathParam("name") String name) {
        Caller caller = callers.get();
        String user = user(caller, KeypairPolicies.SHOW);
        return keypairs.show(user, name).map(k -> new KeypairView.One(KeypairView.detail(k)));
    }

    @DELETE
    @Path("{name}")
    public Uni<Response> delete(@PathParam("name") String name) {
        Caller caller = callers.get();
        String user = user(caller, KeypairPolicies.DELETE);
        return keypairs.delete(user, name).map(v -> Response.status(202).build());
    }

    /** Whose key pairs: the caller's (another user's {@code user_id} is Nova's 2.10), if the rule allows. */
    private String user(Caller caller, String rule) {
        String user = caller.userId();
        policy.enforce(rule, caller, KeypairPolicies.user(user));
        return user;
    }
}
