package io.strato.identity.policies;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Keystone's policies API ({@code /v3/policies}): storage of policy documents for services to fetch. */
@Path("/v3/policies")
@Authenticated
public class PolicyDocumentResource {
    private final PolicyDocumentService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public PolicyDocumentResource(PolicyDocumentService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<PolicyDocumentView.Many> list(@QueryParam("type") String type) {
        policy.enforce(PolicyDocumentPolicies.LIST, caller.get(), Map.of());
        return service.list(type).map(list -> new PolicyDocumentView.Many(
                list.stream().map(p -> PolicyDocumentView.of(p, links)).toList(), links.collection("policies")));
    }

    @GET
    @Path("{id}")
    public Uni<PolicyDocumentView.One> get(@PathParam("id") String id) {
        policy.enforce(PolicyDocumentPolicies.GET, caller.get(), Map.of("policy", Map.of("id", id)));
        return service.get(id).map(this::one);
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyDocumentView.One.class)))
    public Uni<PolicyDocumentView.One> create(PolicyDocumentView.Body body) {
        policy.enforce(PolicyDocumentPolicies.CREATE, caller.get(), Map.of());
        return service.create(Validate.body(body == null ? null : body.policy(), "policy")).map(this::one);
    }

    @PATCH
    @Path("{id}")
    public Uni<PolicyDocumentView.One> update(@PathParam("id") String id, PolicyDocumentView.Body body) {
        policy.enforce(PolicyDocumentPolicies.UPDATE, caller.get(), Map.of("policy", Map.of("id", id)));
        return service.update(id, Validate.body(body == null ? null : body.policy(), "policy")).map(this::one);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        policy.enforce(PolicyDocumentPolicies.DELETE, caller.get(), Map.of("policy", Map.of("id", id)));
        return service.delete(id).map(v -> Response.noContent().build());
    }

    private PolicyDocumentView.One one(PolicyDocument p) {
        return new PolicyDocumentView.One(PolicyDocumentView.of(p, links));
    }
}
