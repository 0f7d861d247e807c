package io.strato.compute.keypairs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.JsonBody;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nova's os-keypairs: a user's own key pairs (2.10+: an admin names another user with {@code user_id});
 * 2.2 adds the type and answers 201/204; 2.35 pages the list with limit and marker.
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
    private final JsonBody json;
    private final String publicUrl;

    public KeypairResource(KeypairService keypairs, Policy policy, CurrentCaller callers, ApiVersion version, JsonBody json,
                           @ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                           String publicUrl) {
        this.keypairs = keypairs;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.json = json;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GET
    public Uni<Map<String, Object>> index(@QueryParam("user_id") String userId, @QueryParam("limit") String limit,
                                          @QueryParam("marker") String marker) {
        Caller caller = callers.get();
        int minor = version.get().minor();
        String user = user(caller, userId, KeypairPolicies.INDEX);
        Paging paging = minor >= 35 ? Paging.of(limit, marker, MAX_LIMIT, MAX_LIMIT) : new Paging(MAX_LIMIT, null);
        return keypairs.list(user, paging.limit() == 0 ? MAX_LIMIT : paging.limit(), paging.marker()).map(list -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("keypairs", list.stream().map(k -> Map.of("keypair", KeypairView.brief(k, minor))).toList());
            if (minor >= 35 && !list.isEmpty() && list.size() == paging.limit()) {
                out.put("keypairs_links", List.of(Map.of("rel", "next",
                        "href", publicUrl + "/v2.1/os-keypairs?limit=" + paging.limit() + "&marker="
                                + java.net.URLEncoder.encode(list.get(list.size() - 1).name, java.nio.charset.StandardCharsets.UTF_8))));
            }
            return out;
        });
    }

    @POST
    public Uni<Response> create(String body) {
        Caller caller = callers.get();
        int minor = version.get().minor();
        KeypairRequest r = KeypairRequest.parse(json.object(body), minor);
        String user = user(caller, r.userId(), KeypairPolicies.CREATE);
        return keypairs.create(user, caller.projectId(), r).map(c -> Response.status(minor >= 2 ? 201 : 200)
                .entity(Map.of("keypair", KeypairView.created(c.keypair(), c.privateKey(), minor))).build());
    }

    @GET
    @Path("{name}")
    public Uni<Map<String, Object>> show(@PathParam("name") String name, @QueryParam("user_id") String userId) {
        Caller caller = callers.get();
        String user = user(caller, userId, KeypairPolicies.SHOW);
        return keypairs.show(user, name).map(k -> Map.of("keypair", KeypairView.detail(k, version.get().minor())));
    }

    @DELETE
    @Path("{name}")
    public Uni<Response> delete(@PathParam("name") String name, @QueryParam("user_id") String userId) {
        Caller caller = callers.get();
        String user = user(caller, userId, KeypairPolicies.DELETE);
        return keypairs.delete(user, name).map(v -> Response.status(version.atLeast(2) ? 204 : 202).build());
    }

    /** Whose key pairs: the caller's, or at 2.10+ the {@code user_id} asked for, if the rule allows. */
    private String user(Caller caller, String asked, String rule) {
        String user = asked != null && !asked.isEmpty() && version.atLeast(10) ? asked : caller.userId();
        policy.enforce(rule, caller, KeypairPolicies.user(user));
        return user;
    }
}
