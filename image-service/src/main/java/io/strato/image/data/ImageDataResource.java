package io.strato.image.data;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Glance's image data calls. The upload takes no body parameter: Quarkus REST then leaves the request
 * paused and unread, and the body is consumed chunk by chunk from Vert.x's request stream, with
 * back-pressure, straight into the store.
 */
@Path("/v2/images/{id}/file")
@Authenticated
public class ImageDataResource {
    private final CurrentCaller callers;
    private final ImageDataService data;

    ImageDataResource(CurrentCaller callers, ImageDataService data) {
        this.callers = callers;
        this.data = data;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<Response> upload(@PathParam("id") String id, @Context io.vertx.core.http.HttpServerRequest request) {
        Caller caller = callers.get();
        var body = io.vertx.mutiny.core.http.HttpServerRequest.newInstance(request);
        return Uni.createFrom().item(() -> imageId(id))
                .chain(imageId -> data.upload(imageId, caller, Multi.createFrom().deferred(body::toMulti),
                        declaredLength(request)))
                .onFailure().invoke(() -> discardRest(request))
                .replaceWith(() -> Response.noContent().build());
    }

    /** Glance answers the bytes whatever the Accept header says (Tempest's client asks for JSON). */
    @GET
    public Uni<Response> download(@PathParam("id") String id, @HeaderParam("Range") String range) {
        Caller caller = callers.get();
        return Uni.createFrom().item(() -> imageId(id))
                .chain(imageId -> data.download(imageId, caller, range))
                .map(d -> {
                    if (d == null) {
                        return Response.noContent().build();
                    }
                    Response.ResponseBuilder r = Response.status(d.partial() ? 206 : 200)
                            .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                            .header("Accept-Ranges", "bytes")
                            .entity(new ImageBytes(d.body(), d.length()));
                    if (d.partial()) {
                        r.header("Content-Range", new ByteRange(d.offset(), d.length()).contentRange(d.size()));
                    }
                    if (d.contentMd5() != null) {
                        r.header("Content-MD5", d.contentMd5());
                    }
                    return r.build();
                });
    }

    /** After a refusal, read and drop what the client still sends, so it gets to read the answer. */
    private static void discardRest(io.vertx.core.http.HttpServerRequest request) {
        if (!request.isEnded()) {
            request.exceptionHandler(e -> { });
            request.handler(chunk -> { });
            request.resume();
        }
    }

    /** The body's announced length; null when it is chunked (Vert.x has already refused a malformed one). */
    private static Long declaredLength(io.vertx.core.http.HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null || request.headers().contains("Transfer-Encoding", "chunked", true)) {
            return null;
        }
        try {
            long declared = Long.parseLong(length.trim());
            return declared >= 0 ? declared : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID imageId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new io.strato.kit.faults.NotFound("No image found with ID " + id);
        }
    }
}
