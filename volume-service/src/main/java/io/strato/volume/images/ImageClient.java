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
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Reads images from image-service for "create a volume from an image". Like Cinder, it acts with the
 * requesting user's token, so a user can only copy images that user may see (a service token would let
 * anyone copy any project's private image).
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
    public record ImageInfo(String id, String status, String diskFormat, long minDiskGb, long virtualSize) {
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
                                i.path("min_disk").asLong(0), i.path("virtual_size").asLong(0));
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
            throw new DriverException("could not download image " + imageId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("the download of image " + imageId + " was interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create(config.url().replaceAll("/+$", "") + path);
    }
}
