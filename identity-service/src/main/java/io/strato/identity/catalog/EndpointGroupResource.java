package io.strato.identity.catalog;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
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

/** {@code /v3/OS-EP-FILTER/endpoint_groups}: Keystone's endpoint groups (project associations not served). */
@Path("/v3/OS-EP-FILTER/endpoint_groups")
@Authenticated
public class EndpointGroupResource {
    private final EndpointGroupService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public EndpointGroupResource(EndpointGroupService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<EndpointGroupView.Many> list(@QueryParam("name") String name) {
        policy.enforce(CatalogPolicies.LIST_ENDPOINT_GROUPS, caller.get(), Map.of());
        return service.list(name).map(list -> new EndpointGroupView.Many(
                list.stream().map(g -> EndpointGroupView.of(g, links)).toList(),
                links.collection("OS-EP-FILTER/endpoint_groups")));
    }

    @GET
    @Path("{id}")
    public Uni<EndpointGroupView.One> get(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.GET_ENDPOINT_GROUP, caller.get(), Map.of());
        return service.get(id).map(this::one);
    }

    /** Keystone answers a check with 200 and no body. */
    @HEAD
    @Path("{id}")
    public Uni<Response> check(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.GET_ENDPOINT_GROUP, caller.get(), Map.of());
        return service.get(id).map(g -> Response.ok().build());
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointGroupView.One.class)))
    public Uni<EndpointGroupView.One> create(EndpointGroupView.Body body) {
        policy.enforce(CatalogPolicies.CREATE_ENDPOINT_GROUP, caller.get(), Map.of());
        return service.create(Validate.body(body == null ? null : body.endpointGroup(), "endpoint_group"))
                .map(this::one);
    }

    @PATCH
    @Path("{id}")
    public Uni<EndpointGroupView.One> update(@PathParam("id") String id, EndpointGroupView.Body body) {
        policy.enforce(CatalogPolicies.UPDATE_ENDPOINT_GROUP, caller.get(), Map.of());
        return service.update(id, Validate.body(body == null ? null : body.endpointGroup(), "endpoint_group"))
                .map(this::one);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.DELETE_ENDPOINT_GROUP, caller.get(), Map.of());
        return service.delete(id).map(v -> Response.noContent().build());
    }

    private EndpointGroupView.One one(EndpointGroup g) {
        return new EndpointGroupView.One(EndpointGroupView.of(g, links));
    }
}
