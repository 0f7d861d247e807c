package io.strato.volume.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.Unavailable;
import io.strato.kit.vertx.CallerContext;
import io.strato.volume.backend.DriverException;
import io.strato.volume.backend.StorageFull;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Reads images from image-service for "create a volume from an image" and makes them for "upload a volume
 * to an image" (os-volume_upload_image). Like Cinder, it acts with the requesting user's token, so a user can
 * only copy images that user may see (a service token would let anyone copy any project's private image), and
 * an uploaded image belongs to the user's project.
 */
@ApplicationScoped
public class ImageClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where image-service is (STRATO_VOLUME_IMAGE_URL). */
    @ConfigMapping(prefix = "strato.volume.image")
    public interface Config {
        /** image-service's base URL (without /v2). */
        @WithDefault("http://127.0.0.1:9292")
        String url();
    }

    /** What a volume needs to know of an image. */
    public record ImageInfo(String id, String status, String diskFormat, long minDiskGb, long virtualSize,
                            Map<String, String> glanceMetadata) {
    }

    /** Glance's own image attributes: what is not among them is an image property Cinder copies into the volume. */
    private static final Set<String> CORE = Set.of("id", "name", "status", "visibility", "protected", "checksum",
            "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram", "min_disk", "disk_format",
            "container_format", "created_at", "updated_at", "tags", "file", "self", "schema", "locations", "direct_url",
            "os_hidden", "stores");

    /**
     * Cinder's volume_glance_metadata of a volume made from the image: image_id, image_name, checksum, formats, sizes,
     * and the image's properties (string values).
     */
    static Map<String, String> glanceMetadata(String imageId, JsonNode i) {
        Map<String, String> m = new TreeMap<>();
        m.put("image_id", imageId);
        putText(m, "image_name", i.path("name"));
        for (String key : List.of("checksum", "container_format", "disk_format", "min_disk", "min_ram", "size")) {
            putText(m, key, i.path(key));
        }
        i.fields().forEachRemaining(e -> {
            if (!CORE.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                m.put(e.getKey(), e.getValue().asText());
            }
        });
        return m;
    }

    private static void putText(Map<String, String> m, String key, JsonNode n) {
        if (n != null && !n.isMissingNode() && !n.isNull()) {
            m.put(key, n.asText());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Config config;

    public ImageClient(Config config) {
        this.config = config;
    }

    /** The image as the token's user sees it; a 400 when it does not exist for them or is not active. */
    public Uni<ImageInfo> show(String imageId, String token) {
        HttpRequest req = HttpRequest.newBuilder(uri("/v2/images/" + imageId)).header("X-Auth-Token", token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        Executor caller = CallerContext.capture();
        return Uni.createFrom().completionStage(() -> http.sendAsync(req, HttpResponse.BodyHandlers.ofString()))
                // back on the request's Vert.x context: what follows uses Hibernate Reactive
                .emitOn(caller)
                .onFailure(IOException.class).transform(e -> new Unavailable("image-service is unreachable: " + e.getMessage()))
                .map(r -> {
                    if (r.statusCode() == 404 || r.statusCode() == 403) {
                        throw new InvalidInput("Invalid image identifier or unable to access requested image.");
                    }
                    if (r.statusCode() != 200) {
                        throw new Unavailable("image-service answered " + r.statusCode() + " for image " + imageId + ".");
                    }
                    try {
                        JsonNode i = JSON.readTree(r.body());
                        ImageInfo info = new ImageInfo(imageId, i.path("status").asText(), i.path("disk_format").asText(null),
                                i.path("min_disk").asLong(0), i.path("virtual_size").asLong(0), glanceMetadata(imageId, i));
                        if (!"active".equals(info.status())) {
                            throw new InvalidInput("Image " + imageId + " is not active.");
                        }
                        return info;
                    } catch (IOException e) {
                        throw new Unavailable("image-service answered unreadable JSON for image " + imageId + ".");
                    }
                });
    }

    /** Downloads the image's bytes to {@code target} (blocking; on a worker thread). */
    public void download(String imageId, String token, Path target) {
        HttpRequest req = HttpRequest.newBuilder(uri("/v2/images/" + imageId + "/file")).header("X-Auth-Token", token)
                .timeout(Duration.ofMinutes(30)).GET().build();
        try {
            HttpResponse<Path> r = http.send(req, HttpResponse.BodyHandlers.ofFile(target));
            if (r.statusCode() != 200) {
                Files.deleteIfExists(target);
                throw new DriverException("image-service answered " + r.statusCode() + " for the data of image " + imageId);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            if (StorageFull.describes(e)) {
                throw new StorageFull("could not download image " + imageId + " to " + target + ": " + e.getMessage(), e);
            }
            throw new DriverException("could not download image " + imageId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("the download of image " + imageId + " was interrupted", e);
        }
    }

    /** The image record image-service made for an upload (Glance's answer to the create). */
    public record NewImage(String id, String name, String diskFormat, String containerFormat, String visibility,
                           boolean isProtected) {
    }

    /**
     * Creates a queued image ({@code POST /v2/images}) with {@code meta} (name, disk_format, container_format,
     * visibility, protected); image-service's 4xx comes back as a 400 with its message, as Cinder's upload says
     * Glance's refusal.
     */
    public Uni<NewImage> create(java.util.Map<String, Object> meta, String token) {
        String body;
        try {
            body = JSON.writeValueAsString(meta);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest req = HttpRequest.newBuilder(uri("/v2/images")).header("X-Auth-Token", token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Executor caller = CallerContext.capture();
        return Uni.createFrom().completionStage(() -> http.sendAsync(req, HttpResponse.BodyHandlers.ofString()))
                .emitOn(caller)
                .onFailure(IOException.class).transform(e -> new Unavailable("image-service is unreachable: " + e.getMessage()))
                .map(r -> {
                    JsonNode i;
                    try {
                        i = JSON.readTree(r.body());
                    } catch (IOException e) {
                        throw new Unavailable("image-service answered unreadable JSON to an image create.");
                    }
                    if (r.statusCode() >= 400 && r.statusCode() < 500) {
                        String why = i.path("error").path("message").asText(i.path("message").asText("HTTP " + r.statusCode()));
                        throw new InvalidInput("The image service refused the image: " + why);
                    }
                    if (r.statusCode() != 201 && r.statusCode() != 200) {
                        throw new Unavailable("image-service answered " + r.statusCode() + " to an image create.");
                    }
                    return new NewImage(i.path("id").asText(), i.path("name").asText(null), i.path("disk_format").asText(null),
                            i.path("container_format").asText(null), i.path("visibility").asText(null),
                            i.path("protected").asBoolean(false));
                });
    }

    /** Uploads {@code file} as the image's data ({@code PUT /v2/images/{id}/file}; blocking, on a worker thread). */
    public void upload(String imageId, String token, Path file) {
        try {
            HttpRequest req = HttpRequest.newBuilder(uri("/v2/images/" + imageId + "/file")).header("X-Auth-Token", token)
                    .header("Content-Type", "application/octet-stream").timeout(Duration.ofHours(2))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204 && r.statusCode() != 200) {
                throw new DriverException("image-service answered " + r.statusCode() + " to the data of image " + imageId
                        + ": " + r.body());
            }
        } catch (IOException e) {
            throw new DriverException("could not upload to image " + imageId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("the upload to image " + imageId + " was interrupted", e);
        }
    }

    /** Deletes an image an upload could not fill (blocking; a failure is only logged by the caller). */
    public void delete(String imageId, String token) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri("/v2/images/" + imageId)).header("X-Auth-Token", token)
                .timeout(Duration.ofSeconds(30)).DELETE().build();
        HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 204 && r.statusCode() != 404) {
            throw new IOException("image-service answered " + r.statusCode());
        }
    }

    private URI uri(String path) {
        return URI.create(config.url().replaceAll("/+$", "") + path);
    }
}
