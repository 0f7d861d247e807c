package io.strato.image.metadefs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Glance's metadata definition namespaces: {@code /v2/metadefs/namespaces}. */
@Path("/v2/metadefs/namespaces")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NamespaceResource {
    private final NamespaceService service;
    private final CurrentCaller caller;

    public NamespaceResource(NamespaceService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<MetadefViews.Namespaces> list(@QueryParam("visibility") String visibility,
                                             @QueryParam("resource_types") String resourceTypes,
                                             @QueryParam("sort_key") String sortKey,
                                             @QueryParam("sort_dir") String sortDir,
                                             @QueryParam("limit") String limit, @QueryParam("marker") String marker,
                                             @Context UriInfo uri) {
        NamespaceQuery query = NamespaceQuery.of(visibility, resourceTypes, sortKey, sortDir, limit, marker);
        return service.list(caller.get(), query).map(page -> MetadefViews.Namespaces.of(page.namespaces().stream()
                .map(l -> MetadefViews.Namespace.of(l.namespace(), l.associations(), List.of(), List.of(), List.of(),
                        null))
                .toList(), uri.getRequestUri(), page.full()));
    }

    @POST
    public Uni<Response> create(MetadefRequests.Namespace body) {
        return service.create(caller.get(), required(body))
                .map(d -> Response.status(201).entity(view(d, null)).build());
    }

    @GET
    @Path("{namespace}")
    public Uni<MetadefViews.Namespace> get(@PathParam("namespace") String namespace,
                                           @QueryParam("resource_type") String resourceType) {
        return service.get(caller.get(), namespace).map(d -> view(d, resourceType));
    }

    @PUT
    @Path("{namespace}")
    public Uni<MetadefViews.Namespace> update(@PathParam("namespace") String namespace,
                                              MetadefRequests.Namespace body) {
        return service.update(caller.get(), namespace, required(body)).map(d -> view(d, null));
    }

    @DELETE
    @Path("{namespace}")
    public Uni<Response> delete(@PathParam("namespace") String namespace) {
        return service.delete(caller.get(), namespace).map(v -> Response.noContent().build());
    }

    private static MetadefViews.Namespace view(NamespaceService.Detail d, String resourceType) {
        return MetadefViews.Namespace.of(d.namespace(), d.associations(), d.properties(), d.objects(), d.tags(),
                resourceType);
    }

    private static MetadefRequests.Namespace required(MetadefRequests.Namespace body) {
        if (body == null) {
            throw new InvalidInput("Request body must be a JSON object describing a namespace.");
        }
        return body;
    }
}
