package io.strato.image.images;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.rest.JsonBody;
import io.strato.image.policy.ImagePolicies;
import io.strato.image.store.ImageStore;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Glance v2 image records: create, list, show, JSON-patch update, delete, tags, (de|re)activation. */
@Path("/v2/images")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImageResource {
    /** Glance's JSON-patch media types for image updates (RFC 6902, and the older draft 4 Tempest sends). */
    public static final String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";
    public static final String PATCH_TYPE_DRAFT_4 = "application/openstack-images-v2.0-json-patch";
    private static final Logger LOG = Logger.getLogger(ImageResource.class);
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 1000;

    private final ImageService service;
    private final ImageStore store;
    private final Policy policy;
    private final CurrentCaller callers;
    private final JsonBody json;

    public ImageResource(ImageService service, ImageStore store, Policy policy, CurrentCaller callers, JsonBody json) {
        this.service = service;
        this.store = store;
        this.policy = policy;
        this.callers = callers;
        this.json = json;
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "The image record, queued for its data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class)))
    public Uni<ImageView> create(ImageCreateBody body) {
        Caller caller = callers.get();
        ImageRequest.Create request = ImageRequest.Create.of(body);
        return service.create(caller, request)
                .map(ImageView::of);
    }

    @GET
    public Uni<ImageListView> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        policy.enforce(ImagePolicies.LIST, caller, Map.of());
        var query = uri.getQueryParameters();
        Paging paging = Paging.of(query.getFirst("limit"), query.getFirst("marker"), DEFAULT_LIMIT, MAX_LIMIT);
        return service.list(caller, query, paging.limit(), paging.marker())
                .map(images -> ImageListView.of(images, query, paging.limit()));
    }

    @GET
    @Path("{id}")
    public Uni<ImageView> show(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(ImagePolicies.GET, caller, Map.of());
        return service.visible(caller, pathId(id)).map(ImageView::of);
    }

    /**
     * The body stays text: JSON-patch is a list of operations in Glance's own media types, which the JSON
     * provider does not claim; {@link ImagePatch} reads each operation with Glance's rules and messages.
     * Any media type reaches the method so that a wrong one gets Glance's 415 (with Accept-Patch), not
     * the framework's.
     */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<ImageView> update(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                 @RequestBody(content = {
                                         @Content(mediaType = PATCH_TYPE, schema = @Schema(
                                                 type = SchemaType.ARRAY, implementation = ImagePatchOperation.class)),
                                         @Content(mediaType = PATCH_TYPE_DRAFT_4, schema = @Schema(type = SchemaType.ARRAY))})
                                 String body) {
        Caller caller = callers.get();
        ImagePatch.Draft draft = ImagePatch.Draft.of(contentType);
        return service.patch(caller, pathId(id), json.parse(body), draft).map(ImageView::of);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return service.delete(caller, pathId(id))
                .call(image -> image.storeLocation == null ? Uni.createFrom().voidItem()
                        : store.delete(image.storeLocation).onFailure().recoverWithUni(e -> {
                            // the record is gone; leftover bytes are reported, not turned into a failed delete
                            LOG.warnf(e, "could not remove the bytes of deleted image %s at %s", image.id, image.storeLocation);
                            return Uni.createFrom().voidItem();
                        }))
                .map(image -> Response.noContent().build());
    }

    @PUT
    @Path("{id}/tags/{tag}")
    public Uni<Response> addTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        Caller caller = callers.get();
        return service.addTag(caller, pathId(id), tag).map(v -> Response.noContent().build());
    }

    @DELETE
    @Path("{id}/tags/{tag}")
    public Uni<Response> removeTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        Caller caller = callers.get();
        return service.removeTag(caller, pathId(id), tag).map(v -> Response.noContent().build());
    }

    @POST
    @Path("{id}/actions/deactivate")
    public Uni<Response> deactivate(@PathParam("id") String id) {
        Caller caller = callers.get();
        return service.deactivate(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    @POST
    @Path("{id}/actions/reactivate")
    public Uni<Response> reactivate(@PathParam("id") String id) {
        Caller caller = callers.get();
        return service.reactivate(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    /** An id in a path that is no UUID names no image: 404, as Glance answers. */
    static UUID pathId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No image found with ID " + id);
        }
    }
}
