package io.strato.compute.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strato.compute.testing.StubHttp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Plays image-service's Glance v2 images for the image proxy tests: list (name, status, min_ram, property filters,
 * limit, marker, in insertion order), show, delete (403 for a protected image) and JSON-patch add/remove of
 * properties; 404 for an unknown image. Tests register images by {@code POST /_stub/images} (the image's JSON) on
 * {@code strato-test.glance-url}: the stub may live in another class loader than the test.
 */
public class GlanceStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ObjectNode> images = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = StubHttp.start(this::handle);
        Map<String, String> config = new HashMap<>();
        config.put("strato.compute.image-url", StubHttp.base(server));
        config.put("strato-test.glance-url", StubHttp.base(server));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String[] p = ex.getRequestURI().getPath().split("/");
            if (p.length == 3 && p[1].equals("_stub")) {
                ObjectNode image = (ObjectNode) JSON.readTree(ex.getRequestBody());
                images.put(image.path("id").asText(), image);
                StubHttp.reply(ex, 201, image);
                return;
            }
            if (p.length == 3 && method.equals("GET")) {
                list(ex, StubHttp.query(ex.getRequestURI().getRawQuery()));
                return;
            }
            ObjectNode image = p.length == 4 ? images.get(p[3]) : null;
            if (image == null) {
                StubHttp.reply(ex, 404, JSON.createObjectNode().put("message", "No image found with ID"));
                return;
            }
            switch (method) {
                case "GET" -> StubHttp.reply(ex, 200, image);
                case "DELETE" -> {
                    if (image.path("protected").asBoolean()) {
                        StubHttp.reply(ex, 403, JSON.createObjectNode().put("message", "Image " + p[3] + " is protected"));
                    } else {
                        images.remove(p[3]);
                        StubHttp.reply(ex, 204, null);
                    }
                }
                case "PATCH" -> {
                    for (JsonNode op : JSON.readTree(ex.getRequestBody())) {
                        String key = op.path("path").asText().substring(1).replace("~1", "/").replace("~0", "~");
                        if (op.path("op").asText().equals("remove")) {
                            image.remove(key);
                        } else {
                            image.set(key, op.get("value"));
                        }
                    }
                    StubHttp.reply(ex, 200, image);
                }
                default -> StubHttp.reply(ex, 405, null);
            }
        }
    }

    private void list(HttpExchange ex, Map<String, String> q) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        boolean afterMarker = q.get("marker") == null;
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : Integer.MAX_VALUE;
        synchronized (images) {
            for (ObjectNode i : images.values()) {
                if (!afterMarker) {
                    afterMarker = i.path("id").asText().equals(q.get("marker"));
                    continue;
                }
                boolean match = q.entrySet().stream().filter(e -> !e.getKey().equals("limit") && !e.getKey().equals("marker"))
                        .allMatch(e -> e.getValue().equals(i.path(e.getKey()).asText(null)));
                if (match && out.size() < limit) {
                    out.add(i);
                }
            }
        }
        StubHttp.reply(ex, 200, JSON.createObjectNode().set("images", out));
    }
}
