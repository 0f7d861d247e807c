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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * image-service (Glance v2) as the agent needs it: an image's checksum and format, and its bytes; for a snapshot,
 * setting the new image's formats, uploading its bytes and deleting it when the snapshot failed.
 */
public class ImageClient {

    /** What the cache needs to know about an image it was not given in a command (kernels, ramdisks). */
    public record ImageInfo(UUID id, String checksum, String diskFormat, Long size) {
    }

    /** Receives the bytes of a download. */
    @FunctionalInterface
    public interface BodyConsumer {
        void accept(InputStream body) throws IOException;
    }

    /** Glance's JSON-patch media type for an image update. */
    static final String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";

    /** Longest wait for an answer's headers: a download's first bytes, an update, a delete. */
    private static final Duration SHORT = Duration.ofMinutes(10);
    /** Longest wait for the answer to an upload, which comes after the last byte was sent. */
    private static final Duration UPLOAD = Duration.ofHours(2);

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

    /** An image's status ({@code queued}, {@code saving}, {@code active}...) and owning project. */
    public record State(String status, String owner) {
    }

    public State state(UUID imageId) {
        HttpResponse<InputStream> response = send(imageId, "/v2/images/" + imageId);
        try (InputStream in = response.body()) {
            JsonNode image = Json.MAPPER.readTree(in);
            return new State(image.path("status").asText(""), text(image, "owner"));
        } catch (IOException e) {
            throw new ImageFailure("image " + imageId + ": unreadable answer from image-service: " + e.getMessage(), e);
        }
    }

    /**
     * The ids of the images of {@code owner} whose properties are all those of {@code properties}, newest first
     * (Glance's property filters, sorted by {@code created_at}, every page).
     */
    public List<UUID> find(String owner, java.util.Map<String, String> properties) {
        StringBuilder query = new StringBuilder("/v2/images?sort_key=created_at&sort_dir=desc&limit=100");
        if (owner != null) {
            query.append("&owner=").append(encode(owner));
        }
        properties.forEach((k, v) -> query.append('&').append(encode(k)).append('=').append(encode(v)));
        List<UUID> found = new java.util.ArrayList<>();
        String next = query.toString();
        while (next != null) {
            HttpResponse<InputStream> response = exchange(null, "GET", next, HttpRequest.BodyPublishers.noBody(), null,
                    200, SHORT);
            try (InputStream in = response.body()) {
                JsonNode page = Json.MAPPER.readTree(in);
                for (JsonNode image : page.path("images")) {
                    found.add(UUID.fromString(image.path("id").asText()));
                }
                String link = text(page, "next");
                next = link == null || page.path("images").isEmpty() ? null : link;
            } catch (IOException | IllegalArgumentException e) {
                throw new ImageFailure("unreadable image list from image-service: " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
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

    /**
     * Sets the image's {@code disk_format} and {@code container_format}: Glance refuses data for an image without
     * them, and Nova creates a snapshot's image without them (the host decides the format).
     */
    public void setFormats(UUID imageId, String diskFormat, String containerFormat) {
        var ops = Json.MAPPER.createArrayNode();
        ops.addObject().put("op", "replace").put("path", "/disk_format").put("value", diskFormat);
        ops.addObject().put("op", "replace").put("path", "/container_format").put("value", containerFormat);
        close(exchange(imageId, "PATCH", "/v2/images/" + imageId, HttpRequest.BodyPublishers.ofString(ops.toString()),
                PATCH_TYPE, 200, SHORT));
    }

    /**
     * Uploads {@code file} as the image's data ({@code PUT /v2/images/{id}/file}), streamed from the file with its
     * length announced (image-service reserves exactly that much of the project's quota).
     */
    public void upload(UUID imageId, Path file) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new ImageFailure("image " + imageId + ": nothing to upload at " + file, e);
        }
        close(exchange(imageId, "PUT", "/v2/images/" + imageId + "/file", body, "application/octet-stream", 204, UPLOAD));
    }

    /** Deletes the image; false when image-service no longer has it. */
    public boolean delete(UUID imageId) {
        try {
            close(exchange(imageId, "DELETE", "/v2/images/" + imageId, HttpRequest.BodyPublishers.noBody(), null, 204, SHORT));
            return true;
        } catch (NotThere e) {
            return false;
        }
    }

    private HttpResponse<InputStream> send(UUID imageId, String path) {
        return exchange(imageId, "GET", path, HttpRequest.BodyPublishers.noBody(), null, 200, SHORT);
    }

    /** The image is gone (404): a failure of a download, nothing to do for a delete. */
    private static final class NotThere extends ImageFailure {
        NotThere(String message) {
            super(message);
        }
    }

    private HttpResponse<InputStream> exchange(UUID imageId, String method, String path, HttpRequest.BodyPublisher body,
                                               String contentType, int expected, Duration timeout) {
        String what = imageId == null ? "images" : "image " + imageId; // null: a list
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout).method(method, body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            token().ifPresent(t -> request.header("X-Auth-Token", t));
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new ImageFailure("image-service at " + baseUrl + " is unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageFailure("interrupted while asking image-service for " + what);
            }
            int status = response.statusCode();
            if (status == expected) {
                return response;
            }
            String said = status == 204 ? "" : errorText(response);
            close(response);
            if (status == 401 && attempt == 1) {
                token.invalidate(); // expired or revoked: authenticate once more
                continue;
            }
            if (status == 404) {
                throw new NotThere(what + " was not found in image-service");
            }
            throw new ImageFailure(switch (status) {
                case 204 -> what + " has no data";
                case 401, 403 -> "image-service refused the agent access to " + what + " (HTTP " + status + ")";
                default -> "image-service answered HTTP " + status + " to " + method + " of " + what + said;
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

    /** What image-service said in a refusal (Glance's {@code message} or the body's start), for the fault. */
    private static String errorText(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String body = new String(in.readNBytes(2048), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (body.isEmpty()) {
                return "";
            }
            try {
                JsonNode n = Json.MAPPER.readTree(body);
                for (JsonNode m : List.of(n.path("error").path("message"), n.path("message"))) {
                    if (m.isTextual()) {
                        return ": " + m.asText();
                    }
                }
            } catch (IOException e) {
                // not JSON: say the text as it is
            }
            return ": " + body;
        } catch (IOException e) {
            return "";
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
