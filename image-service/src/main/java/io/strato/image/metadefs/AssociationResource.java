package io.strato.image.metadefs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A namespace's resource type associations: {@code /v2/metadefs/namespaces/{namespace}/resource_types}. */
@Path("/v2/metadefs/namespaces/{namespace}/resource_types")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AssociationResource {
    private final ResourceTypeService service;
    private final CurrentCaller caller;

    public AssociationResource(ResourceTypeService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<MetadefViews.Associations> associations(@PathParam("namespace") String namespace) {
        return service.associations(caller.get(), namespace).map(all -> new MetadefViews.Associations(
                all.stream().map(MetadefViews.Association::of).toList()));
    }

    @POST
    public Uni<Response> associate(@PathParam("namespace") String namespace, MetadefRequests.Association body) {
        if (body == null) {
            throw new InvalidInput("Request body must be a JSON object with a resource type 'name'.");
        }
        return service.associate(caller.get(), namespace, body.validated())
                .map(a -> Response.status(201).entity(MetadefViews.Association.of(a)).build());
    }

    @DELETE
    @Path("{resourceType}")
    public Uni<Response> dissociate(@PathParam("namespace") String namespace,
                                    @PathParam("resourceType") String resourceType) {
        return service.dissociate(caller.get(), namespace, resourceType).map(v -> Response.noContent().build());
    }
}
