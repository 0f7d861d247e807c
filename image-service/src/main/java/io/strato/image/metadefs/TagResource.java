package io.strato.image.metadefs;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A namespace's tag definitions: {@code /v2/metadefs/namespaces/{namespace}/tags}. */
@Path("/v2/metadefs/namespaces/{namespace}/tags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TagResource extends DefinitionResource {
    public TagResource(DefinitionService service, CurrentCaller caller) {
        super(DefinitionKind.TAG, service, caller);
    }

    @GET
    public Uni<MetadefViews.Tags> list(@PathParam("namespace") String namespace) {
        return service.list(caller.get(), namespace, kind)
                .map(l -> new MetadefViews.Tags(l.definitions().stream().map(MetadefViews.Tag::of).toList()));
    }

    /** Replaces the namespace's tags, or adds to them with {@code X-Openstack-Append: true}. */
    @POST
    public Uni<Response> createAll(@PathParam("namespace") String namespace,
                                   @HeaderParam("X-Openstack-Append") String append, MetadefRequests.Tags body) {
        if (body == null) {
            throw new InvalidInput("Request body must be a JSON object with a 'tags' array.");
        }
        return service.createTags(caller.get(), namespace, body.names(), "true".equalsIgnoreCase(append))
                .map(names -> Response.status(201).entity(new MetadefViews.Tags(names.stream()
                        .map(n -> new MetadefViews.Tag(n, null, null)).toList())).build());
    }

    /** Creates one tag, named by the path; the request has no body. */
    @POST
    @Path("{name}")
    public Uni<Response> create(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        String tag = new MetadefRequests.Tag(name).validated().name();
        return service.create(caller.get(), namespace, kind, tag, Map.of())
                .map(d -> Response.status(201).entity(MetadefViews.Tag.of(d)).build());
    }

    @GET
    @Path("{name}")
    public Uni<MetadefViews.Tag> get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.get(caller.get(), namespace, kind, name).map(MetadefViews.Tag::of);
    }

    @PUT
    @Path("{name}")
    public Uni<MetadefViews.Tag> update(@PathParam("namespace") String namespace, @PathParam("name") String name,
                                        MetadefRequests.Tag body) {
        if (body == null) {
            throw new InvalidInput("Request body must be a JSON object with a tag 'name'.");
        }
        return service.update(caller.get(), namespace, kind, name, body.validated().name(), Map.of())
                .map(MetadefViews.Tag::of);
    }
}
