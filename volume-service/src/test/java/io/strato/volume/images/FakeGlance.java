package io.strato.volume.images;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Stands in for image-service: serves {@link #IMAGE} (a 1 GiB qcow2 whose first MiB holds 0x61) and
 * {@link #HUGE} (metadata only: 5 GiB virtual), each only to requests carrying a token; any other id is a 404.
 * For uploads it makes images ({@code POST /v2/images}; the name {@link #REFUSED} is a 400), keeps their data
 * ({@code PUT .../file}, into {@link #DATA}; an image named {@link #BROKEN} answers 500) and deletes them.
 */
public class FakeGlance implements QuarkusTestResourceLifecycleManager {
    public static final String IMAGE = "11111111-2222-3333-4444-555555555555";
    public static final String HUGE = "11111111-2222-3333-4444-666666666666";
    public static final String REFUSED = "refused-by-glance";
    public static final String BROKEN = "upload-fails";
    /** Images made by POST, by id: the create's JSON. */
    public static final Map<String, String> CREATED = new java.util.concurrent.ConcurrentHashMap<>();
    /** The data PUT to each image, by id. */
    public static final Map<String, Path> DATA = new java.util.concurrent.ConcurrentHashMap<>();
    /** The ids DELETE was sent for. */
    public static final java.util.Set<String> DELETED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("fake-glance");
            Path image = dir.resolve("image.qcow2");
            run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "1G");
            run("qemu-io", "-f", "qcow2", "-c", "write -P 0x61 0 1M", image.toString());
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v2/images", ex -> {
                byte[] request = ex.getRequestBody().readAllBytes();
                String json = new String(request, StandardCharsets.UTF_8);
                String id = java.util.UUID.randomUUID().toString();
                int status = 201;
                String body;
                if (!ex.getRequestMethod().equals("POST") || ex.getRequestHeaders().getFirst("X-Auth-Token") == null) {
                    status = 405;
                    body = "{}";
                } else if (json.contains(REFUSED)) {
                    status = 400;
                    body = "{\"error\": {\"code\": 400, \"message\": \"Invalid image name\"}}";
                } else {
                    CREATED.put(id, json);
                    // Glance's answer: what was asked, with the id, queued, private unless said otherwise
                    body = json.replaceFirst("^\\{", "{\"id\": \"" + id + "\", \"status\": \"queued\", "
                            + (json.contains("\"visibility\"") ? "" : "\"visibility\": \"private\", ")
                            + (json.contains("\"protected\"") ? "" : "\"protected\": false, "));
                }
                byte[] out = body.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status, out.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            });
            server.createContext("/v2/images/", ex -> {
                String path = ex.getRequestURI().getPath();
                String token = ex.getRequestHeaders().getFirst("X-Auth-Token");
                byte[] body;
                int status = 200;
                if (token == null || token.isBlank()) {
                    status = 401;
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                } else if (ex.getRequestMethod().equals("PUT") && path.endsWith("/file")
                        && CREATED.containsKey(path.split("/")[3])) {
                    String id = path.split("/")[3];
                    if (CREATED.get(id).contains(BROKEN)) {
                        ex.getRequestBody().readAllBytes();
                        status = 500;
                    } else {
                        Path data = dir.resolve("upload-" + id);
                        Files.copy(ex.getRequestBody(), data);
                        DATA.put(id, data);
                        status = 204;
                    }
                    body = new byte[0];
                } else if (ex.getRequestMethod().equals("DELETE")) {
                    DELETED.add(path.substring("/v2/images/".length()));
                    status = 204;
                    body = new byte[0];
                } else if (path.equals("/v2/images/" + IMAGE)) {
                    body = meta(IMAGE, 1L << 30).getBytes(StandardCharsets.UTF_8);
                } else if (path.equals("/v2/images/" + HUGE)) {
                    body = meta(HUGE, 5L << 30).getBytes(StandardCharsets.UTF_8);
                } else if (path.equals("/v2/images/" + IMAGE + "/file")) {
                    body = Files.readAllBytes(image);
                } else {
                    status = 404;
                    body = "{\"error\": {\"code\": 404}}".getBytes(StandardCharsets.UTF_8);
                }
                ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return Map.of("strato.volume.image.url", "http://127.0.0.1:" + server.getAddress().getPort());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the fake image-service", e);
        }
    }

    private static String meta(String id, long virtualSize) {
        return "{\"id\": \"" + id + "\", \"name\": \"tiny\", \"status\": \"active\", \"disk_format\": \"qcow2\","
                + " \"container_format\": \"bare\", \"min_disk\": 0, \"hw_disk_bus\": \"virtio\", \"tags\": [],"
                + " \"virtual_size\": " + virtualSize + "}";
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
