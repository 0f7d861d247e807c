package io.strato.compute.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.compute.api.Pagination;
import io.strato.compute.clients.GlanceImages;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.PageLinks;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nova's image proxy ({@code /images}, up to 2.35; 404 from 2.36): image-service's images as the caller sees them,
 * in Nova's shape. Filters as Nova maps them to Glance: name, status (lower-cased), minRam/minDisk (Glance's
 * min_ram/min_disk), server (the snapshot's instance_uuid; a server URL's last segment), type (image_type),
 * changes-since (updated at or after; applied here), limit and marker.
 */
@Path("/v2.1/images")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImageResource {
    static final int LAST_MINOR = 35;

    private final GlanceImages images;
    private final ImageView view;
    private final ApiVersion version;
    private final String publicUrl;

    public ImageResource(GlanceImages images, ImageView view, ApiVersion version,
                         @ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                         String publicUrl) {
        this.images = images;
        this.view = view;
        this.version = version;
        this.publicUrl = publicUrl;
    }

    /** The list's query, with Nova's names. */
    public static class ListQuery {
        @QueryParam("name")
        String name;
        @QueryParam("status")
        String status;
        @QueryParam("minRam")
        String minRam;
        @QueryParam("minDisk")
        String minDisk;
        @QueryParam("server")
        String server;
        @QueryParam("type")
        String type;
        @QueryParam("changes-since")
        String changesSince;
        @QueryParam("limit")
        String limit;
        @QueryParam("marker")
        String marker;
        @Context
        UriInfo uri;
    }

    @GET
    public Uni<ImageView.Many> index(@BeanParam ListQuery q, @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        return page(q, token, view::brief, ImageView.Brief::id).map(p -> new ImageView.Many(p.items(), p.next()));
    }

    @GET
    @Path("detail")
    public Uni<ImageView.DetailMany> detail(@BeanParam ListQuery q, @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        return page(q, token, view::detail, ImageView.Detail::id).map(p -> new ImageView.DetailMany(p.items(), p.next()));
    }

    @GET
    @Path("{id}")
    public Uni<ImageView.One> show(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        return images.show(id, token).map(g -> new ImageView.One(view.detail(g)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        return images.delete(id, token).map(v -> Response.noContent().build());
    }

    private record Page<T>(List<T> items, List<Link> next) {
    }

    private <T> Uni<Page<T>> page(ListQuery q, String token, Function<JsonNode, T> render, Function<T, String> idOf) {
        Integer limit = Pagination.limit(q.limit);
        Instant since = q.changesSince == null ? null : ImageView.instant(q.changesSince);
        if (q.changesSince != null && since == null) {
            throw new InvalidInput("Invalid changes-since value");
        }
        String server = q.server == null ? null : q.server.substring(q.server.lastIndexOf('/') + 1);
        GlanceImages.Filters f = new GlanceImages.Filters(q.name, q.status == null ? null : q.status.toLowerCase(),
                q.minRam, q.minDisk, server, q.type, limit == null ? null : limit.toString(), q.marker);
        return images.list(f, token).map(body -> {
            List<T> out = new ArrayList<>();
            for (JsonNode g : body.path("images")) {
                Instant updated = ImageView.instant(g.path("updated_at").asText(null));
                if (since == null || updated == null || !updated.isBefore(since)) {
                    out.add(render.apply(g));
                }
            }
            List<Link> next = limit != null && limit > 0 && out.size() == limit
                    ? Link.next(PageLinks.next(q.uri.getRequestUri(), idOf.apply(out.get(out.size() - 1)), publicUrl, "/v2.1/"))
                    : null;
            return new Page<>(out, next);
        });
    }
}
