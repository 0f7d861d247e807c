package io.strato.image.metadefs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A namespace's property definitions: {@code /v2/metadefs/namespaces/{namespace}/properties}. */
@Path("/v2/metadefs/namespaces/{namespace}/properties")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PropertyResource extends DefinitionResource {
    public PropertyResource(DefinitionService service, CurrentCaller caller) {
        super(DefinitionKind.PROPERTY, service, caller);
    }

    @GET
    public Uni<MetadefViews.Properties> list(@PathParam("namespace") String namespace) {
        return service.list(caller.get(), namespace, kind)
                .map(l -> new MetadefViews.Properties(MetadefViews.Property.map(l.definitions(), "")));
    }

    @POST
    public Uni<Response> create(@PathParam("namespace") String namespace, Map<String, Object> body) {
        String name = nameOf(body);
        return service.create(caller.get(), namespace, kind, name, MetadefRequests.property(name, body))
                .map(d -> Response.status(201).entity(MetadefViews.Property.of(d)).build());
    }

    @GET
    @Path("{name}")
    public Uni<Map<String, Object>> get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.get(caller.get(), namespace, kind, name).map(MetadefViews.Property::of);
    }

    @PUT
    @Path("{name}")
    public Uni<Map<String, Object>> update(@PathParam("namespace") String namespace, @PathParam("name") String name,
                                           Map<String, Object> body) {
        String newName = nameOf(body);
        return service.update(caller.get(), namespace, kind, name, newName, MetadefRequests.property(newName, body))
                .map(MetadefViews.Property::of);
    }

    private static String nameOf(Map<String, Object> body) {
        Object name = body == null ? null : body.get("name");
        return name instanceof String s ? s : null;
    }
}
