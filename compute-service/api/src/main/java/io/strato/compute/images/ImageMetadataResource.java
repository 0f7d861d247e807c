package io.strato.compute.images;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.clients.GlanceImages;
import io.strato.compute.clients.Images;
import io.strato.compute.quotas.QuotaConfig;
import io.strato.compute.servers.ServerMetadataBody;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.rest.BodyRecords;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Nova's image metadata proxy ({@code /images/{id}/metadata}, up to 2.38; 404 from 2.39): an image's free-form
 * properties in image-service, read and written with the caller's token (Glance decides who may change them).
 * At most {@code metadata_items} properties (Nova's 403 {@code Image metadata limit exceeded}).
 */
@Path("/v2.1/images/{image_id}/metadata")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImageMetadataResource {
    static final int LAST_MINOR = 38;

    private final GlanceImages images;
    private final ApiVersion version;
    private final QuotaConfig quotas;

    public ImageMetadataResource(GlanceImages images, ApiVersion version, QuotaConfig quotas) {
        this.images = images;
        this.version = version;
        this.quotas = quotas;
    }

    /** {@code {"metadata": {...}}}. */
    public record All(@JsonProperty("metadata") Map<String, String> metadata) {
    }

    /** {@code {"meta": {key: value}}}. */
    public record One(@JsonProperty("meta") Map<String, String> meta) {
    }

    @GET
    public Uni<All> index(@PathParam("image_id") String imageId, @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        return images.show(imageId, token).map(g -> new All(Images.properties(g)));
    }

    @GET
    @Path("{key}")
    public Uni<One> show(@PathParam("image_id") String imageId, @PathParam("key") String key,
                         @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        return images.show(imageId, token).map(g -> {
            String value = Images.properties(g).get(key);
            if (value == null) {
                throw new NotFound("The resource could not be found.");
            }
            return new One(Map.of(key, value));
        });
    }

    /** Adds or replaces the given properties, keeping the others; answers all of them. */
    @POST
    public Uni<All> create(@PathParam("image_id") String imageId, ServerMetadataBody.Items body,
                           @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        Map<String, String> items = items(body);
        return write(imageId, items, false, token).map(All::new);
    }

    /** Replaces all the image's properties with the given ones. */
    @PUT
    public Uni<All> updateAll(@PathParam("image_id") String imageId, ServerMetadataBody.Items body,
                              @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        Map<String, String> items = items(body);
        return write(imageId, items, true, token).map(all -> new All(items));
    }

    /** Sets one property; the body must name exactly the URI's key. */
    @PUT
    @Path("{key}")
    public Uni<One> update(@PathParam("image_id") String imageId, @PathParam("key") String key, ServerMetadataBody.Item body,
                           @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        JsonNode b = BodyRecords.json(body);
        BodyFields.onlyKnown(b, Set.of("meta"));
        JsonNode meta = BodyFields.object(b, "meta");
        if (meta.size() > 1) {
            throw new InvalidInput("Request body contains too many items");
        }
        Map<String, String> item = BodyFields.metadata(meta, "meta");
        if (!item.containsKey(key)) {
            throw new InvalidInput("Request body and URI mismatch");
        }
        return write(imageId, item, false, token).map(all -> new One(item));
    }

    @DELETE
    @Path("{key}")
    public Uni<Response> delete(@PathParam("image_id") String imageId, @PathParam("key") String key,
                                @HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(LAST_MINOR);
        return images.show(imageId, token).chain(g -> {
            if (!Images.properties(g).containsKey(key)) {
                throw new NotFound("Invalid metadata key");
            }
            ArrayNode ops = JsonNodeFactory.instance.arrayNode();
            ops.addObject().put("op", "remove").put("path", "/" + pointer(key));
            return images.patch(imageId, ops, token);
        }).map(g -> Response.noContent().build());
    }

    /**
     * Writes properties with one JSON-patch: each given key added (Glance's add replaces), and with {@code replace}
     * every other property removed. The image's properties after it.
     */
    private Uni<Map<String, String>> write(String imageId, Map<String, String> items, boolean replace, String token) {
        return images.show(imageId, token).chain(g -> {
            Map<String, String> current = Images.properties(g);
            Map<String, String> after = new LinkedHashMap<>(replace ? Map.of() : current);
            after.putAll(items);
            if (after.size() > quotas.metadataItems()) {
                throw new Forbidden("Image metadata limit exceeded");
            }
            ArrayNode ops = JsonNodeFactory.instance.arrayNode();
            if (replace) {
                current.keySet().stream().filter(k -> !items.containsKey(k))
                        .forEach(k -> ops.addObject().put("op", "remove").put("path", "/" + pointer(k)));
            }
            items.forEach((k, v) -> ops.addObject().put("op", "add").put("path", "/" + pointer(k)).put("value", v));
            return ops.isEmpty() ? Uni.createFrom().item(g) : images.patch(imageId, ops, token);
        }).map(Images::properties);
    }

    private static Map<String, String> items(ServerMetadataBody.Items body) {
        JsonNode b = BodyRecords.json(body);
        BodyFields.onlyKnown(b, Set.of("metadata"));
        return BodyFields.metadata(b.get("metadata"), "metadata");
    }

    /** A key as a JSON pointer segment (RFC 6901). */
    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
