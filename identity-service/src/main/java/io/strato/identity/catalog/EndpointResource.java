package io.strato.identity.catalog;

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

@Path("/v3/endpoints")
@Authenticated
public class EndpointResource {
    private final EndpointService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public EndpointResource(EndpointService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    /** {@code region} is accepted as an old name of the {@code region_id} filter. */
    @GET
    public Uni<EndpointView.Many> list(@QueryParam("service_id") String serviceId,
                                       @QueryParam("interface") String iface,
                                       @QueryParam("region_id") String regionId,
                                       @QueryParam("region") String region) {
        policy.enforce(CatalogPolicies.LIST_ENDPOINTS, caller.get(), Map.of());
        return service.list(serviceId, iface, regionId != null ? regionId : region).map(list -> new EndpointView.Many(
                list.stream().map(e -> EndpointView.of(e, links)).toList(), links.collection("endpoints")));
    }

    @GET
    @Path("{id}")
    public Uni<EndpointView.One> get(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.GET_ENDPOINT, caller.get(), Map.of("endpoint", Map.of("id", id)));
        return service.get(id).map(e -> new EndpointView.One(EndpointView.of(e, links)));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.One.class)))
    public Uni<EndpointView.One> create(EndpointView.Body body) {
        policy.enforce(CatalogPolicies.CREATE_ENDPOINT, caller.get(), Map.of());
        return service.create(Validate.body(body == null ? null : body.endpoint(), "endpoint"))
                .map(e -> new EndpointView.One(EndpointView.of(e, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<EndpointView.One> update(@PathParam("id") String id, EndpointView.Body body) {
        policy.enforce(CatalogPolicies.UPDATE_ENDPOINT, caller.get(), Map.of("endpoint", Map.of("id", id)));
        return service.update(id, Validate.body(body == null ? null : body.endpoint(), "endpoint"))
                .map(e -> new EndpointView.One(EndpointView.of(e, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.DELETE_ENDPOINT, caller.get(), Map.of("endpoint", Map.of("id", id)));
        return service.delete(id).map(v -> Response.noContent().build());
    }
}
