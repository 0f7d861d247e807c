package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays image-service, network-service, volume-service and identity for the server tests: canned Glance v2
 * images, Neutron networks, security groups and ports (kept in memory, with Neutron's JSON shapes and 404/409
 * faults), Cinder's attachments API over volumes the tests register (status rules of the attach contract,
 * answering 404 without microversion 3.44 as Cinder below 3.27), and a Keystone token endpoint for
 * compute-service's service token. Tests register images and networks and read
 * the ports through {@code /_stub/...} control endpoints. Not a hypervisor: agents are played through Kafka.
 */
public class StubCloud implements QuarkusTestResourceLifecycleManager {
    static final String SERVICE_TOKEN = "stub-service-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, ObjectNode> images = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> networks = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> groups = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> floatingIps = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> ports = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> volumes = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> attachments = new ConcurrentHashMap<>();
    private final StubBindings bindings = new StubBindings();
    private final AtomicInteger failingPortCalls = new AtomicInteger();
    private final AtomicInteger failingVolumeCalls = new AtomicInteger();
    /** Status the next image create answers with (0: create it). */
    private final AtomicInteger refuseImageCreate = new AtomicInteger();
    /** Who created an image (the token) and the projects it was shared with, by image id. */
    private final Map<String, String> imageCreators = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> imageMembers = new ConcurrentHashMap<>();
    private final AtomicInteger nextAddress = new AtomicInteger(10);

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("strato.compute.image-url", base);
        config.put("strato.compute.network-url", base);
        config.put("strato.compute.volume-url", base);
        config.put("strato.compute.service-auth.url", base + "/v3");
        config.put("strato.compute.service-auth.password", "stub");
        config.put("%test.strato.events.group", "compute-servers-test");
        config.put("strato.events.group", "compute-servers-test");
        config.put("strato-test.stub-url", base);
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
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            byte[] in = ex.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            String[] p = path.substring(1).split("/");
            if (path.startsWith("/_stub/")) {
                control(ex, method, p, body);
                return;
            }
            if (path.equals("/v3/auth/tokens") && method.equals("POST")) {
                ex.getResponseHeaders().set("X-Subject-Token", SERVICE_TOKEN);
                reply(ex, 201, JSON.createObjectNode().set("token", JSON.createObjectNode()
                        .put("expires_at", Instant.now().plusSeconds(3600).toString())));
                return;
            }
            String token = ex.getRequestHeaders().getFirst("X-Auth-Token");
            if (token == null || token.isBlank()) {
                reply(ex, 401, fault("NotAuthorized", "no token"));
                return;
            }
            if (path.startsWith("/v2/images")) {
                glance(ex, method, p, q, body, token);
                return;
            }
            if (p.length >= 3 && p[0].equals("v3") && p[2].equals("attachments")) {
                cinder(ex, method, p, body, token);
                return;
            }
            if (p.length == 4 && p[0].equals("v3") && p[2].equals("volumes") && method.equals("DELETE")) {
                // a delete_on_termination volume: Cinder refuses one that still has attachments
                boolean attached = attachments.values().stream().anyMatch(a -> a.path("volume_id").asText().equals(p[3]));
                if (!SERVICE_TOKEN.equals(token) || attached) {
                    reply(ex, 400, cinderFault("badRequest", 400, "Invalid volume: not deletable now."));
                    return;
                }
                reply(ex, volumes.remove(p[3]) == null ? 404 : 202, JSON.createObjectNode());
                return;
            }
            if (path.startsWith("/v2.0/")) {
                neutron(ex, method, p, q, body, token);
                return;
            }
            reply(ex, 404, fault("NotFound", path));
        } catch (RuntimeException e) {
            reply(ex, 500, fault("Internal", String.valueOf(e)));
        }
    }

    /**
     * Glance v2 as far as compute-service uses it: show, list (exact filters on any attribute or property),
     * create (queued, the body's attributes and properties kept as sent), members, JSON-patch, delete.
     */
    private void glance(HttpExchange ex, String method, String[] p, Map<String, String> q, JsonNode body, String token)
            throws IOException {
        String id = p.length > 2 ? p[2] : null;
        if (id == null && method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            Map<String, String> filters = new HashMap<>(q);
            filters.keySet().removeAll(java.util.Set.of("limit", "marker", "sort_key", "sort_dir"));
            images.values().stream().filter(i -> matches(i, filters)).forEach(list::add);
            reply(ex, 200, JSON.createObjectNode().set("images", list));
            return;
        }
        if (id == null && method.equals("POST")) {
            int refuse = refuseImageCreate.getAndSet(0);
            if (refuse != 0) {
                reply(ex, refuse, JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", refuse)
                        .put("message", "Glance refused the image (stub)")));
                return;
            }
            ObjectNode image = ((ObjectNode) body).deepCopy();
            String newId = UUID.randomUUID().toString();
            image.put("id", newId).put("status", "queued").putNull("size").put("created_at", Instant.now().toString())
                    .put("updated_at", Instant.now().toString());
            for (String format : new String[] {"disk_format", "container_format"}) {
                if (!image.has(format)) {
                    image.putNull(format); // Glance shows them null until they are set
                }
            }
            images.put(newId, image);
            imageCreators.put(newId, token);
            reply(ex, 201, image);
            return;
        }
        ObjectNode image = id == null ? null : images.get(id);
        if (image == null) {
            reply(ex, 404, JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", 404)
                    .put("message", "No image found with ID " + id)));
            return;
        }
        if (p.length == 4 && p[3].equals("members") && method.equals("POST")) {
            imageMembers.computeIfAbsent(id, k -> JSON.createArrayNode()).add(body.path("member").asText());
            reply(ex, 200, JSON.createObjectNode().put("member_id", body.path("member").asText()).put("status", "pending"));
            return;
        }
        switch (method) {
            case "GET" -> reply(ex, 200, image);
            case "DELETE" -> {
                images.remove(id);
                reply(ex, 204, null);
            }
            case "PATCH" -> {
                for (JsonNode op : body) {
                    String key = op.path("path").asText().substring(1);
                    if (op.path("op").asText().equals("remove")) {
                        image.remove(key);
                    } else {
                        image.set(key, op.path("value"));
                    }
                }
                reply(ex, 200, image);
            }
            default -> reply(ex, 405, JSON.createObjectNode());
        }
    }

    private void neutron(HttpExchange ex, String method, String[] p, Map<String, String> q, JsonNode body, String token)
            throws IOException {
        String kind = p[1];
        String id = p.length > 2 ? p[2] : null;
        Map<String, ObjectNode> store = switch (kind) {
            case "networks" -> networks;
            case "security-groups" -> groups;
            case "ports" -> ports;
            case "floatingips" -> floatingIps;
            default -> null;
        };
        String single = switch (kind) {
            case "networks" -> "network";
            case "security-groups" -> "security_group";
            case "floatingips" -> "floatingip";
            default -> "port";
        };
        if (store == null) {
            reply(ex, 404, fault("NotFound", kind));
            return;
        }
        if (kind.equals("ports") && !method.equals("GET") && failingPortCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(ex, 503, fault("ServiceUnavailable", "the stub network-service is failing on purpose"));
            return;
        }
        if (kind.equals("ports") && !method.equals("GET") && !SERVICE_TOKEN.equals(token)) {
            reply(ex, 403, fault("PolicyNotAuthorized", "ports are written by compute-service's service token only"));
            return;
        }
        switch (method) {
            case "GET" -> {
                if (id != null) {
                    ObjectNode o = store.get(id);
                    reply(ex, o == null ? 404 : 200, o == null ? fault(cap(single) + "NotFound", single + " " + id)
                            : JSON.createObjectNode().set(single, o));
                    return;
                }
                ArrayNode list = JSON.createArrayNode();
                store.values().stream().filter(o -> matches(o, q)).forEach(list::add);
                reply(ex, 200, JSON.createObjectNode().set(kind.replace('-', '_'), list));
            }
            case "POST" -> reply(ex, 201, JSON.createObjectNode().set("port", createPort(body.path("port"))));
            case "PUT" -> {
                if (kind.equals("floatingips")) {
                    updateFloatingIp(ex, id, body.path("floatingip"));
                    return;
                }
                ObjectNode port = ports.get(id);
                if (port == null) {
                    reply(ex, 404, fault("PortNotFound", "Port " + id + " could not be found."));
                    return;
                }
                body.path("port").fields().forEachRemaining(f -> port.set(f.getKey(), f.getValue()));
                bindings.settle(port);
                reply(ex, 200, JSON.createObjectNode().set("port", port));
            }
            case "DELETE" -> {
                ObjectNode gone = ports.remove(id);
                reply(ex, gone == null ? 404 : 204, gone == null ? fault("PortNotFound", id) : null);
            }
            default -> reply(ex, 405, fault("MethodNotAllowed", method));
        }
    }

    /** Neutron's floating IP update: a port of another network's fixed address, or none (dissociate). */
    private void updateFloatingIp(HttpExchange ex, String id, JsonNode req) throws IOException {
        ObjectNode fip = floatingIps.get(id);
        if (fip == null) {
            reply(ex, 404, fault("FloatingIPNotFound", "Floating IP " + id + " could not be found"));
            return;
        }
        String portId = req.path("port_id").asText(null);
        if (portId != null && !ports.containsKey(portId)) {
            reply(ex, 404, fault("PortNotFound", "Port " + portId + " could not be found."));
            return;
        }
        fip.put("port_id", portId);
        fip.put("fixed_ip_address", portId == null ? null : req.path("fixed_ip_address").asText(null));
        reply(ex, 200, JSON.createObjectNode().set("floatingip", fip));
    }

    private void cinder(HttpExchange ex, String method, String[] p, JsonNode body, String token) throws IOException {
        if (!"volume 3.44".equals(ex.getRequestHeaders().getFirst("OpenStack-API-Version"))) {
            reply(ex, 404, cinderFault("itemNotFound", 404, "The resource could not be found."));
            return;
        }
        if (!SERVICE_TOKEN.equals(token)) {
            reply(ex, 403, cinderFault("forbidden", 403, "attachments are made by compute-service's service token only"));
            return;
        }
        if (failingVolumeCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(ex, 503, cinderFault("serviceUnavailable", 503, "the stub volume-service is failing on purpose"));
            return;
        }
        String project = p[1];
        if (method.equals("POST") && p.length == 3) {
            JsonNode req = body.path("attachment");
            ObjectNode volume = volumes.get(req.path("volume_uuid").asText());
            if (volume == null || !project.equals(volume.path("project_id").asText())) {
                reply(ex, 404, cinderFault("itemNotFound", 404, "Volume " + req.path("volume_uuid").asText()
                        + " could not be found."));
                return;
            }
            synchronized (volume) {
                if (!"available".equals(volume.path("status").asText())) {
                    reply(ex, 400, cinderFault("badRequest", 400, "Invalid volume: Volume " + volume.path("id").asText()
                            + " status must be available or downloading to reserve, but the current status is "
                            + volume.path("status").asText() + "."));
                    return;
                }
                volume.put("status", "reserved");
            }
            ObjectNode a = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("status", "reserved")
                    .put("instance", req.path("instance_uuid").asText()).put("volume_id", volume.path("id").asText())
                    .put("attach_mode", "rw").put("_project", project);
            a.putObject("connection_info");
            attachments.put(a.path("id").asText(), a);
            reply(ex, 200, JSON.createObjectNode().set("attachment", a));
            return;
        }
        ObjectNode a = p.length > 3 ? attachments.get(p[3]) : null;
        if (a == null || !project.equals(a.path("_project").asText())) {
            reply(ex, 404, cinderFault("itemNotFound", 404, "Attachment could not be found."));
            return;
        }
        ObjectNode volume = volumes.get(a.path("volume_id").asText());
        switch (method) {
            case "PUT" -> {
                a.set("connector", body.path("attachment").path("connector"));
                a.put("status", "attaching");
                volume.put("status", "attaching");
                ObjectNode info = a.putObject("connection_info").put("driver_volume_type", "file");
                info.putObject("data").put("device_path", "/volumes/volume-" + volume.path("id").asText())
                        .put("format", "qcow2").put("volume_id", volume.path("id").asText())
                        .set("qos_specs", volume.get("qos_specs"));
                reply(ex, 200, JSON.createObjectNode().set("attachment", a));
            }
            case "POST" -> {
                if (!body.has("os-complete")) {
                    reply(ex, 400, cinderFault("badRequest", 400, "unknown action"));
                    return;
                }
                a.put("status", "attached");
                volume.put("status", "in-use");
                reply(ex, 204, null);
            }
            case "DELETE" -> {
                attachments.remove(p[3]);
                volume.put("status", "available");
                reply(ex, 200, JSON.createObjectNode().set("attachments", JSON.createArrayNode()));
            }
            default -> reply(ex, 405, cinderFault("badRequest", 405, method));
        }
    }

    private static ObjectNode cinderFault(String type, int code, String message) {
        ObjectNode f = JSON.createObjectNode();
        f.putObject(type).put("message", message).put("code", code);
        return f;
    }

    private ObjectNode createPort(JsonNode req) {
        ObjectNode net = networks.get(req.path("network_id").asText());
        if (net == null) {
            throw new IllegalArgumentException("no network " + req.path("network_id").asText());
        }
        ObjectNode port = JSON.createObjectNode();
        String id = UUID.randomUUID().toString();
        port.put("id", id);
        port.put("network_id", net.path("id").asText());
        port.put("project_id", req.path("project_id").asText());
        port.put("device_id", req.path("device_id").asText(""));
        port.put("device_owner", req.path("device_owner").asText(""));
        port.put("binding:host_id", req.path("binding:host_id").asText(""));
        port.put("mac_address", String.format("fa:16:3e:%02x:%02x:%02x", nextAddress.get() % 256, 1, 2));
        String ip = req.path("fixed_ips").path(0).path("ip_address").asText(null);
        if (ip == null) {
            ip = net.path("_prefix").asText("10.9.9.") + nextAddress.getAndIncrement();
        }
        port.putArray("fixed_ips").addObject().put("ip_address", ip).put("subnet_id", net.path("_subnet").asText(""));
        port.set("security_groups", req.has("security_groups") ? req.get("security_groups") : JSON.createArrayNode());
        bindings.settle(port);
        ports.put(id, port);
        return port;
    }

    private void control(HttpExchange ex, String method, String[] p, JsonNode body) throws IOException {
        String what = p[1];
        if (what.equals("fail-ports")) {
            failingPortCalls.set(Integer.parseInt(p[2]));
            reply(ex, 204, null);
            return;
        }
        if (what.equals("dead-agents")) {
            bindings.agentDead(p[2]);
            reply(ex, 204, null);
            return;
        }
        if (what.equals("refuse-image-create")) {
            refuseImageCreate.set(Integer.parseInt(p[2]));
            reply(ex, 204, null);
            return;
        }
        if (what.equals("image-creators") && method.equals("GET")) {
            ObjectNode o = JSON.createObjectNode().put("token", imageCreators.get(p[2]));
            o.set("members", imageMembers.getOrDefault(p[2], JSON.createArrayNode()));
            reply(ex, imageCreators.containsKey(p[2]) ? 200 : 404, o);
            return;
        }
        if (what.equals("images") && method.equals("GET")) {
            reply(ex, images.containsKey(p[2]) ? 200 : 404, images.getOrDefault(p[2], JSON.createObjectNode()));
            return;
        }
        if (what.equals("fail-volumes")) {
            failingVolumeCalls.set(Integer.parseInt(p[2]));
            reply(ex, 204, null);
            return;
        }
        if (what.equals("volumes") && method.equals("GET")) {
            if (!volumes.containsKey(p[2])) {
                reply(ex, 404, JSON.createObjectNode());
                return;
            }
            ObjectNode v = volumes.get(p[2]).deepCopy();
            ArrayNode of = v.putArray("_attachments");
            attachments.values().stream().filter(a -> a.path("volume_id").asText().equals(p[2])).forEach(of::add);
            reply(ex, 200, v);
            return;
        }
        if (what.equals("ports") && method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            ports.values().forEach(list::add);
            reply(ex, 200, JSON.createObjectNode().set("ports", list));
            return;
        }
        Map<String, ObjectNode> store = switch (what) {
            case "images" -> images;
            case "networks" -> networks;
            case "security-groups" -> groups;
            case "ports" -> ports;
            case "floatingips" -> floatingIps;
            case "volumes" -> volumes;
            default -> throw new IllegalArgumentException(what);
        };
        store.put(p[2], (ObjectNode) body);
        reply(ex, 204, null);
    }

    private static boolean matches(ObjectNode o, Map<String, String> q) {
        for (Map.Entry<String, String> e : q.entrySet()) {
            JsonNode v = o.get(e.getKey());
            if (v == null || !v.asText().equalsIgnoreCase(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static ObjectNode fault(String type, String message) {
        ObjectNode f = JSON.createObjectNode();
        f.putObject("NeutronError").put("type", type).put("message", message).put("detail", "");
        return f;
    }

    private static String cap(String s) {
        StringBuilder b = new StringBuilder();
        for (String part : s.split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
