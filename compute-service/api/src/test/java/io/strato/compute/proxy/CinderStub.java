package io.strato.compute.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.strato.compute.testing.StubHttp;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays volume-service's Cinder v3 volumes and snapshots for the os-volumes/os-snapshots proxy tests, per path
 * project: a new volume is {@code available} in zone {@code nova}, a volume named {@code in-use} is attached to a
 * server at {@code /dev/vdb} (and cannot be deleted: 400); Cinder's faults for unknown ids and a size over 100.
 */
public class CinderStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ObjectNode> volumes = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> snapshots = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = StubHttp.start(this::handle);
        return Map.of("strato.compute.volume-url", StubHttp.base(server));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            // /v3/{project}/{volumes|snapshots}[/{id}|/detail]
            String[] p = ex.getRequestURI().getPath().substring(1).split("/");
            byte[] in = ex.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            boolean isVolume = p[2].equals("volumes");
            Map<String, ObjectNode> store = isVolume ? volumes : snapshots;
            String member = isVolume ? "volume" : "snapshot";
            String project = p[1];
            String id = p.length > 3 ? p[3] : null;
            String method = ex.getRequestMethod();
            if ("detail".equals(id)) {
                ArrayNode list = JSON.createArrayNode();
                store.values().stream().filter(v -> v.path("_project").asText().equals(project)).forEach(list::add);
                StubHttp.reply(ex, 200, JSON.createObjectNode().set(p[2], list));
            } else if (id == null && method.equals("POST")) {
                create(ex, isVolume, body.path(member), project);
            } else {
                ObjectNode found = store.get(id);
                if (found == null || !found.path("_project").asText().equals(project)) {
                    StubHttp.reply(ex, 404, fault("itemNotFound", 404, "The resource could not be found."));
                } else if (method.equals("GET")) {
                    StubHttp.reply(ex, 200, JSON.createObjectNode().set(member, found));
                } else if (found.path("attachments").size() > 0) {
                    StubHttp.reply(ex, 400, fault("badRequest", 400, "Invalid volume: Volume status must be available or error."));
                } else {
                    store.remove(id);
                    StubHttp.reply(ex, 202, null);
                }
            }
        } catch (RuntimeException e) {
            StubHttp.reply(ex, 500, fault("computeFault", 500, String.valueOf(e)));
        }
    }

    private void create(HttpExchange ex, boolean isVolume, JsonNode req, String project) throws IOException {
        ObjectNode o = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("_project", project)
                .put("status", "available").put("created_at", "2026-12-05T10:00:00.000000");
        o.set("name", req.path("name").isMissingNode() ? JSON.nullNode() : req.get("name"));
        o.set("description", req.path("description").isMissingNode() ? JSON.nullNode() : req.get("description"));
        if (isVolume) {
            if (req.path("size").asInt() > 100) {
                StubHttp.reply(ex, 413, fault("overLimit", 413, "VolumeSizeExceedsAvailableQuota: Requested volume exceeds allowed gigabytes quota."));
                return;
            }
            o.put("size", req.path("size").asInt()).put("availability_zone", req.path("availability_zone").asText("nova"))
                    .put("volume_type", req.path("volume_type").asText("__DEFAULT__"));
            o.set("snapshot_id", req.path("snapshot_id").isMissingNode() ? JSON.nullNode() : req.get("snapshot_id"));
            o.set("metadata", req.path("metadata").isObject() ? req.get("metadata") : JSON.createObjectNode());
            ArrayNode attachments = o.putArray("attachments");
            if ("in-use".equals(req.path("name").asText())) {
                attachments.addObject().put("server_id", UUID.randomUUID().toString()).put("device", "/dev/vdb")
                        .put("attachment_id", UUID.randomUUID().toString());
                o.put("status", "in-use");
            }
            volumes.put(o.path("id").asText(), o);
            StubHttp.reply(ex, 202, JSON.createObjectNode().set("volume", o));
            return;
        }
        ObjectNode volume = volumes.get(req.path("volume_id").asText());
        if (volume == null || !volume.path("_project").asText().equals(project)) {
            StubHttp.reply(ex, 404, fault("itemNotFound", 404, "Volume could not be found."));
            return;
        }
        o.put("volume_id", volume.path("id").asText()).put("size", volume.path("size").asInt());
        snapshots.put(o.path("id").asText(), o);
        StubHttp.reply(ex, 202, JSON.createObjectNode().set("snapshot", o));
    }

    private static JsonNode fault(String kind, int code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject(kind).put("code", code).put("message", message);
        return root;
    }
}
