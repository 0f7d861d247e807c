package io.strato.identity.oauth1;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** {@code /v3/OS-OAUTH1/consumers}: Keystone's OAuth1 consumer registry. */
@Path("/v3/OS-OAUTH1/consumers")
@Authenticated
public class ConsumerResource {
    private final ConsumerService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public ConsumerResource(ConsumerService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<ConsumerView.Many> list() {
        policy.enforce(OAuth1Policies.LIST, caller.get(), Map.of());
        return service.list().map(list -> new ConsumerView.Many(
                list.stream().map(c -> ConsumerView.of(c, links)).toList(), links.collection("OS-OAUTH1/consumers")));
    }

    @GET
    @Path("{id}")
    public Uni<ConsumerView.One> get(@PathParam("id") String id) {
        policy.enforce(OAuth1Policies.GET, caller.get(), Map.of());
        return service.get(id).map(c -> new ConsumerView.One(ConsumerView.of(c, links)));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsumerView.One.class)))
    public Uni<ConsumerView.One> create(ConsumerView.Body body) {
        policy.enforce(OAuth1Policies.CREATE, caller.get(), Map.of());
        ConsumerView.Fields f = body == null || body.consumer() == null ? new ConsumerView.Fields(null, null)
                : body.consumer();
        return service.create(f).map(c -> new ConsumerView.One(ConsumerView.created(c, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<ConsumerView.One> update(@PathParam("id") String id, ConsumerView.Body body) {
        policy.enforce(OAuth1Policies.UPDATE, caller.get(), Map.of());
        return service.update(id, Validate.body(body == null ? null : body.consumer(), "consumer"))
                .map(c -> new ConsumerView.One(ConsumerView.of(c, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        policy.enforce(OAuth1Policies.DELETE, caller.get(), Map.of());
        return service.delete(id).map(v -> Response.noContent().build());
    }
}
