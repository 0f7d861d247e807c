package io.strato.image.metadefs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A namespace's object definitions: {@code /v2/metadefs/namespaces/{namespace}/objects}. */
@Path("/v2/metadefs/namespaces/{namespace}/objects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ObjectResource extends DefinitionResource {
    public ObjectResource(DefinitionService service, CurrentCaller caller) {
        super(DefinitionKind.OBJECT, service, caller);
    }

    @GET
    public Uni<MetadefViews.MetadefObjects> list(@PathParam("namespace") String namespace) {
        return service.list(caller.get(), namespace, kind)
                .map(l -> MetadefViews.MetadefObjects.of(l.namespace(), l.definitions()));
    }

    @POST
    public Uni<Response> create(@PathParam("namespace") String namespace, MetadefRequests.MetadefObject body) {
        MetadefRequests.MetadefObject object = required(body).validated();
        return service.create(caller.get(), namespace, kind, object.name(), object.body())
                .map(d -> Response.status(201).entity(MetadefViews.MetadefObject.of(namespace, d)).build());
    }

    @GET
    @Path("{name}")
    public Uni<MetadefViews.MetadefObject> get(@PathParam("namespace") String namespace,
                                               @PathParam("name") String name) {
        return service.get(caller.get(), namespace, kind, name).map(d -> MetadefViews.MetadefObject.of(namespace, d));
    }

    @PUT
    @Path("{name}")
    public Uni<MetadefViews.MetadefObject> update(@PathParam("namespace") String namespace,
                                                  @PathParam("name") String name, MetadefRequests.MetadefObject body) {
        MetadefRequests.MetadefObject object = required(body).validated();
        return service.update(caller.get(), namespace, kind, name, object.name(), object.body())
                .map(d -> MetadefViews.MetadefObject.of(namespace, d));
    }

    private static MetadefRequests.MetadefObject required(MetadefRequests.MetadefObject body) {
        if (body == null) {
            throw new InvalidInput("Request body must be a JSON object describing an object.");
        }
        return body;
    }
}
