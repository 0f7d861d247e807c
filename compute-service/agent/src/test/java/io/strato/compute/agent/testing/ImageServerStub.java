package io.strato.compute.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strato.compute.protocol.Commands;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * identity's token endpoint and image-service's image and image-data endpoints, as far as the agent
 * uses them (show, download; for snapshots update of the formats, upload to a queued image, delete);
 * requires the token it issued and counts downloads.
 */
public final class ImageServerStub implements AutoCloseable {

    public static final String PASSWORD = "agent-secret";

    private record Stored(byte[] bytes, String format, String container) {
    }

    /** An image with no data yet (a snapshot's, as compute-service creates it): its formats and what was uploaded. */
    public static final class Queued {
        final long created = SEQUENCE.incrementAndGet();
        volatile String owner = "project-1";
        volatile Map<String, String> properties = Map.of();
        public volatile String diskFormat;
        public volatile String containerFormat;
        public volatile byte[] data;
        public volatile String uploadContentLength;
        public volatile boolean deleted;
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();
    private final Map<UUID, Queued> queued = new ConcurrentHashMap<>();
    private volatile int refuseUploadsWith;

    private final HttpServer server;
    private final Map<UUID, Stored> images = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile String validToken = "none";
    private volatile long downloadDelayMillis;

    private ImageServerStub(HttpServer server) {
        this.server = server;
    }

    public static ImageServerStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ImageServerStub stub = new ImageServerStub(server);
            server.createContext("/v3/auth/tokens", stub::token);
            server.createContext("/v2/images/", stub::image);
            server.createContext("/v2/images", stub::list);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String identityUrl() {
        return url() + "/v3";
    }

    public UUID add(byte[] bytes, String diskFormat) {
        UUID id = UUID.randomUUID();
        images.put(id, new Stored(bytes, diskFormat, "bare"));
        return id;
    }

    /** The image as compute-service puts it in a spawn command. */
    public Commands.Image image(UUID id, Map<String, String> properties) {
        Stored s = images.get(id);
        return new Commands.Image(id, md5(s.bytes()), s.format(), s.container(), (long) s.bytes().length, properties);
    }

    /** A queued image without formats or data, as Nova creates a snapshot's image. */
    public UUID addQueued() {
        UUID id = UUID.randomUUID();
        queued.put(id, new Queued());
        return id;
    }

    /** A queued image of {@code owner} with free-form {@code properties} (a backup: image_type, backup_type...). */
    public UUID addQueued(String owner, Map<String, String> properties) {
        UUID id = addQueued();
        queued.get(id).owner = owner;
        queued.get(id).properties = Map.copyOf(properties);
        return id;
    }

    public Queued queued(UUID id) {
        return queued.get(id);
    }

    /** Answers every upload with {@code status} (0: accept them again). */
    public void refuseUploads(int status) {
        refuseUploadsWith = status;
    }

    public int downloads() {
        return downloads.get();
    }

    public int tokensIssued() {
        return tokens.get();
    }

    /** Makes the token issued so far invalid (as if it expired or was revoked). */
    public void revokeTokens() {
        validToken = "revoked";
    }

    public void downloadDelay(long millis) {
        downloadDelayMillis = millis;
    }

    /** A small qcow2 image made by qemu-img. */
    public static byte[] qcow2(Path scratch, String size) {
        try {
            Files.createDirectories(scratch);
            Path file = Files.createTempFile(scratch, "base", ".qcow2");
            Files.delete(file);
            Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), size)
                    .redirectErrorStream(true).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("qemu-img create failed: " + new String(p.getInputStream().readAllBytes()));
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(ex.getRequestMethod()) || !body.contains("\"" + PASSWORD + "\"")) {
            reply(ex, 401, "{}");
            return;
        }
        String token = "token-" + tokens.incrementAndGet();
        validToken = token;
        ex.getResponseHeaders().add("X-Subject-Token", token);
        reply(ex, 201, "{\"token\": {\"expires_at\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}}");
    }

    private void image(HttpExchange ex) throws IOException {
        if (!validToken.equals(ex.getRequestHeaders().getFirst("X-Auth-Token"))) {
            reply(ex, 401, "{}");
            return;
        }
        String[] parts = ex.getRequestURI().getPath().split("/"); // "", v2, images, id[, file]
        UUID id;
        try {
            id = UUID.fromString(parts[3]);
        } catch (RuntimeException e) {
            reply(ex, 404, "{}");
            return;
        }
        Queued q = queued.get(id);
        if (q != null) {
            snapshotImage(ex, q, parts.length > 4);
            return;
        }
        Stored s = images.get(id);
        if (s == null) {
            reply(ex, 404, "{}");
            return;
        }
        if (parts.length == 4) {
            reply(ex, 200, "{\"id\": \"" + id + "\", \"checksum\": \"" + md5(s.bytes()) + "\", \"disk_format\": \""
                    + s.format() + "\", \"size\": " + s.bytes().length + "}");
            return;
        }
        downloads.incrementAndGet();
        try {
            Thread.sleep(downloadDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, s.bytes().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(s.bytes());
        }
    }

    /** Lists the queued (snapshot) images: exact filters on owner and properties, newest first, one page. */
    private void list(HttpExchange ex) throws IOException {
        if (!validToken.equals(ex.getRequestHeaders().getFirst("X-Auth-Token"))) {
            reply(ex, 401, "{}");
            return;
        }
        Map<String, String> q = new java.util.HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (!"created_at".equals(q.remove("sort_key")) || !"desc".equals(q.remove("sort_dir"))) {
            reply(ex, 400, "{\"message\": \"the stub lists newest first only\"}");
            return;
        }
        q.remove("limit");
        String owner = q.remove("owner");
        StringBuilder images = new StringBuilder();
        queued.entrySet().stream()
                .filter(e -> !e.getValue().deleted && (owner == null || owner.equals(e.getValue().owner))
                        && e.getValue().properties.entrySet().containsAll(q.entrySet()))
                .sorted((a, b) -> Long.compare(b.getValue().created, a.getValue().created))
                .forEach(e -> images.append(images.length() == 0 ? "" : ",").append("{\"id\": \"").append(e.getKey())
                        .append("\"}"));
        reply(ex, 200, "{\"images\": [" + images + "]}");
    }

    /** Glance's rules as far as a snapshot meets them: data only with both formats set, once, to a live image. */
    private void snapshotImage(HttpExchange ex, Queued q, boolean file) throws IOException {
        String method = ex.getRequestMethod();
        if (q.deleted) {
            ex.getRequestBody().readAllBytes();
            reply(ex, 404, "{\"message\": \"No image found\"}");
            return;
        }
        if (method.equals("GET") && !file) {
            reply(ex, 200, "{\"status\": \"" + (q.data == null ? "queued" : "active") + "\", \"owner\": \"" + q.owner
                    + "\"}");
            return;
        }
        if (method.equals("DELETE") && !file) {
            q.deleted = true;
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return;
        }
        if (method.equals("PATCH") && !file) {
            if (!"application/openstack-images-v2.1-json-patch".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                reply(ex, 415, "{}");
                return;
            }
            var ops = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ex.getRequestBody());
            for (var op : ops) {
                switch (op.path("path").asText()) {
                    case "/disk_format" -> q.diskFormat = op.path("value").asText();
                    case "/container_format" -> q.containerFormat = op.path("value").asText();
                    default -> {
                    }
                }
            }
            reply(ex, 200, "{}");
            return;
        }
        if (method.equals("PUT") && file) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (refuseUploadsWith != 0) {
                reply(ex, refuseUploadsWith, "{\"message\": \"upload refused by the stub\"}");
                return;
            }
            if (q.diskFormat == null || q.containerFormat == null) {
                reply(ex, 400, "{\"message\": \"Properties disk_format, container_format must be set prior to saving data.\"}");
                return;
            }
            if (q.data != null) {
                reply(ex, 409, "{\"message\": \"Image status transition from active to saving is not allowed\"}");
                return;
            }
            q.uploadContentLength = ex.getRequestHeaders().getFirst("Content-Length");
            q.data = body;
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return;
        }
        reply(ex, 405, "{}");
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
