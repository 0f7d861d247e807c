package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Commands;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads images from image-service with the caller's own token, so a server boots only from images its user may see. */
@ApplicationScoped
public class Images {
    private static final String SERVICE = "image-service";
    /** Glance's own attributes; every other top-level member of an image is one of its free-form properties. */
    private static final Set<String> CORE = Set.of("id", "name", "status", "visibility", "protected", "os_hidden",
            "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram", "min_disk",
            "disk_format", "container_format", "created_at", "updated_at", "tags", "self", "file", "schema",
            "direct_url", "locations", "stores");

    private final GlanceApi glance;

    Images(GlanceApi glance) {
        this.glance = glance;
    }

    /** An image as a server create needs it. */
    public record ImageInfo(UUID id, String status, long size, int minDiskGb, int minRamMb, Commands.Image image) {
        public boolean active() {
            return "active".equals(status);
        }
    }

    /**
     * The image, seen with {@code token}: a 400 "Image ... could not be found." when image-service does not show
     * it to that token's user, a 503 when image-service cannot be reached.
     */
    public Uni<ImageInfo> get(UUID id, String token) {
        return Remote.call(SERVICE, () -> glance.image(id.toString(), token))
                .onFailure(RemoteFailure.class).transform(e -> new Unavailable(e.getMessage()))
                .map(r -> {
                    if (r.status() == 404 || r.status() == 403 || r.status() == 401) {
                        throw new InvalidInput("Image " + id + " could not be found.");
                    }
                    if (!r.ok()) {
                        throw new Unavailable(SERVICE + " could not show image " + id + ": " + r.message());
                    }
                    return read(id, r.body());
                });
    }

    /** An image's free-form properties (Nova's image {@code metadata}): every member that is not one of Glance's own. */
    public static Map<String, String> properties(JsonNode b) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!CORE.contains(f.getKey()) && f.getValue().isValueNode() && !f.getValue().isNull()) {
                properties.put(f.getKey(), f.getValue().asText());
            }
        }
        return properties;
    }

    static ImageInfo read(UUID id, JsonNode b) {
        Map<String, String> properties = properties(b);
        long size = b.path("size").asLong(0);
        Commands.Image image = new Commands.Image(id, text(b, "checksum"), text(b, "disk_format"),
                text(b, "container_format"), b.hasNonNull("size") ? size : null, properties);
        return new ImageInfo(id, b.path("status").asText(""), size, b.path("min_disk").asInt(0),
                b.path("min_ram").asInt(0), image);
    }

    private static String text(JsonNode b, String key) {
        return b.hasNonNull(key) ? b.get(key).asText() : null;
    }
}
