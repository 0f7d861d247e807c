package io.strato.compute.agent.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.agent.Json;
import io.strato.kit.serviceauth.BlockingServiceToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** image-service (Glance v2) as the agent needs it: an image's checksum and format, and its bytes. */
public class ImageClient {

    /** What the cache needs to know about an image it was not given in a command (kernels, ramdisks). */
    public record ImageInfo(UUID id, String checksum, String diskFormat, Long size) {
    }

    /** Receives the bytes of a download. */
    @FunctionalInterface
    public interface BodyConsumer {
        void accept(InputStream body) throws IOException;
    }

    private final String baseUrl;
    private final BlockingServiceToken token;
    private final HttpClient http;

    public ImageClient(String baseUrl, BlockingServiceToken token, HttpClient http) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.http = http;
    }

    public ImageInfo info(UUID imageId) {
        HttpResponse<InputStream> response = send(imageId, "/v2/images/" + imageId);
        try (InputStream in = response.body()) {
            JsonNode image = Json.MAPPER.readTree(in);
            JsonNode size = image.path("size");
            return new ImageInfo(imageId, text(image, "checksum"), text(image, "disk_format"),
                    size.isNumber() ? size.asLong() : null);
        } catch (IOException e) {
            throw new ImageFailure("image " + imageId + ": unreadable answer from image-service: " + e.getMessage(), e);
        }
    }

    /** Streams the image's bytes to {@code consumer}. */
    public void download(UUID imageId, BodyConsumer consumer) {
        HttpResponse<InputStream> response = send(imageId, "/v2/images/" + imageId + "/file");
        try (InputStream in = response.body()) {
            consumer.accept(in);
        } catch (IOException e) {
            throw new ImageFailure("image " + imageId + ": download interrupted: " + e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> send(UUID imageId, String path) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofMinutes(10)).GET();
            token().ifPresent(t -> request.header("X-Auth-Token", t));
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new ImageFailure("image-service at " + baseUrl + " is unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageFailure("interrupted while fetching image " + imageId);
            }
            int status = response.statusCode();
            if (status == 200) {
                return response;
            }
            close(response);
            if (status == 401 && attempt == 1) {
                token.invalidate(); // expired or revoked: authenticate once more
                continue;
            }
            throw new ImageFailure(switch (status) {
                case 204 -> "image " + imageId + " has no data";
                case 404 -> "image " + imageId + " was not found in image-service";
                case 401, 403 -> "image-service refused the agent access to image " + imageId + " (HTTP " + status + ")";
                default -> "image-service answered HTTP " + status + " for image " + imageId;
            });
        }
    }

    /** The agent's token; identity unreachable or refusing is an image failure of this download. */
    private Optional<String> token() {
        try {
            return token.get();
        } catch (BlockingServiceToken.Unavailable e) {
            throw new ImageFailure(e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
