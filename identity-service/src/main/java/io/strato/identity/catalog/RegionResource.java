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
import jakarta.ws.rs.PUT;
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

@Path("/v3/regions")
@Authenticated
public class RegionResource {
    private final RegionService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public RegionResource(RegionService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<RegionView.Many> list(@QueryParam("parent_region_id") String parentRegionId) {
        policy.enforce(CatalogPolicies.LIST_REGIONS, caller.get(), Map.of());
        return service.list(parentRegionId).map(list -> new RegionView.Many(
                list.stream().map(r -> RegionView.of(r, links)).toList(), links.collection("regions")));
    }

    @GET
    @Path("{id}")
    public Uni<RegionView.One> get(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.GET_REGION, caller.get(), Map.of("region", Map.of("id", id)));
        return service.get(id).map(r -> new RegionView.One(RegionView.of(r, links)));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.One.class)))
    public Uni<RegionView.One> create(RegionView.Body body) {
        policy.enforce(CatalogPolicies.CREATE_REGION, caller.get(), Map.of());
        return service.create(null, Validate.body(body == null ? null : body.region(), "region")).map(this::created);
    }

    /** Keystone's way of creating a region with a chosen id. */
    @PUT
    @Path("{id}")
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.One.class)))
    public Uni<RegionView.One> createWithId(@PathParam("id") String id, RegionView.Body body) {
        policy.enforce(CatalogPolicies.CREATE_REGION, caller.get(), Map.of());
        return service.create(id, Validate.body(body == null ? null : body.region(), "region")).map(this::created);
    }

    @PATCH
    @Path("{id}")
    public Uni<RegionView.One> update(@PathParam("id") String id, RegionView.Body body) {
        policy.enforce(CatalogPolicies.UPDATE_REGION, caller.get(), Map.of("region", Map.of("id", id)));
        return service.update(id, Validate.body(body == null ? null : body.region(), "region"))
                .map(r -> new RegionView.One(RegionView.of(r, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        policy.enforce(CatalogPolicies.DELETE_REGION, caller.get(), Map.of("region", Map.of("id", id)));
        return service.delete(id).map(v -> Response.noContent().build());
    }

    private RegionView.One created(Region r) {
        return new RegionView.One(RegionView.of(r, links));
    }
}
