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

@Path("/v3/services")
@Authenticated
public class ServiceResource {
    private final ServiceService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public ServiceResource(ServiceService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<ServiceView.Many> list(@QueryParam("type") String type, @QueryParam("name") String name) {
        policy.enforce(CatalogPolicies.LIST_SERVICES, caller.get(), Map.of());
        return service.list(type, name).map(list -> new ServiceView.Many(
                list.stream().map(s -> ServiceView.of(s, links)).toList(), links.collection("services")));
    }

    @GET
    @Path("{id}")
    public Uni<ServiceView.One> get(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.GET_SERVICE, caller.get(), Map.of("service", Map.of("id", id)));
        return service.get(id).map(s -> new ServiceView.One(ServiceView.of(s, links)));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.One.class)))
    public Uni<ServiceView.One> create(ServiceView.Body body) {
        policy.enforce(CatalogPolicies.CREATE_SERVICE, caller.get(), Map.of());
        return service.create(Validate.body(body == null ? null : body.service(), "service"))
                .map(s -> new ServiceView.One(ServiceView.of(s, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<ServiceView.One> update(@PathParam("id") String id, ServiceView.Body body) {
        policy.enforce(CatalogPolicies.UPDATE_SERVICE, caller.get(), Map.of("service", Map.of("id", id)));
        return service.update(id, Validate.body(body == null ? null : body.service(), "service"))
                .map(s -> new ServiceView.One(ServiceView.of(s, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.DELETE_SERVICE, caller.get(), Map.of("service", Map.of("id", id)));
        return service.delete(id).map(v -> Response.noContent().build());
    }
}
