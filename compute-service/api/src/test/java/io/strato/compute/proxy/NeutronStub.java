package io.strato.compute.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strato.compute.testing.StubHttp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays network-service's Neutron API for the proxy tests, per project (the token's {@code pid} claim): security
 * groups with their rules (a new group gets Neutron's two egress rules; a group named {@code default} cannot be
 * deleted, 409; a duplicate rule is 409), floating IPs on external networks, and networks with the
 * {@code router:external} and {@code name} filters. Tests add external networks by {@code POST /_stub/networks}
 * on {@code strato-test.neutron-url}.
 */
public class NeutronStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ObjectNode> groups = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> rules = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> floatingIps = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> networks = new ConcurrentHashMap<>();
    private final AtomicInteger nextAddress = new AtomicInteger(2);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = StubHttp.start(this::handle);
        String base = StubHttp.base(server);
        return Map.of("strato.compute.network-url", base, "strato-test.neutron-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String[] p = ex.getRequestURI().getPath().substring(1).split("/");
            byte[] in = ex.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            if (p[0].equals("_stub")) {
                networks.put(body.path("id").asText(), (ObjectNode) body);
                StubHttp.reply(ex, 204, null);
                return;
            }
            String project = project(ex.getRequestHeaders().getFirst("X-Auth-Token"));
            Map<String, String> q = StubHttp.query(ex.getRequestURI().getRawQuery());
            String id = p.length > 2 ? p[2] : null;
            switch (p[1]) {
                case "security-groups" -> groups(ex, id, body, q, project);
                case "security-group-rules" -> rules(ex, id, body, project);
                case "floatingips" -> floatingIps(ex, id, body, q, project);
                case "networks" -> {
                    if (id == null) {
                        list(ex, "networks", networks, q);
                    } else if (networks.containsKey(id)) {
                        StubHttp.reply(ex, 200, JSON.createObjectNode().set("network", networks.get(id)));
                    } else {
                        StubHttp.reply(ex, 404, fault("NetworkNotFound", "Network " + id + " could not be found."));
                    }
                }
                default -> StubHttp.reply(ex, 404, fault("NotFound", "no " + p[1]));
            }
        } catch (RuntimeException e) {
            StubHttp.reply(ex, 500, fault("Internal", String.valueOf(e)));
        }
    }

    private void groups(HttpExchange ex, String id, JsonNode body, Map<String, String> q, String project) throws IOException {
        String method = ex.getRequestMethod();
        if (id == null && method.equals("GET")) {
            list(ex, "security_groups", groups, q);
            return;
        }
        if (id == null) {
            ObjectNode g = JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                    .put("name", body.path("security_group").path("name").asText())
                    .put("description", body.path("security_group").path("description").asText())
                    .put("tenant_id", project).put("project_id", project);
            ArrayNode list = g.putArray("security_group_rules");
            for (String ethertype : new String[] {"IPv4", "IPv6"}) {
                ObjectNode r = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("direction", "egress")
                        .put("ethertype", ethertype).put("security_group_id", g.path("id").asText());
                r.putNull("protocol").putNull("port_range_min").putNull("port_range_max").putNull("remote_ip_prefix")
                        .putNull("remote_group_id");
                list.add(r);
                rules.put(r.path("id").asText(), r);
            }
            groups.put(g.path("id").asText(), g);
            StubHttp.reply(ex, 201, JSON.createObjectNode().set("security_group", g));
            return;
        }
        ObjectNode g = visible(groups, id, project);
        if (g == null) {
            StubHttp.reply(ex, 404, fault("SecurityGroupNotFound", "Security group " + id + " does not exist"));
            return;
        }
        switch (method) {
            case "GET" -> StubHttp.reply(ex, 200, JSON.createObjectNode().set("security_group", g));
            case "PUT" -> {
                body.path("security_group").fields().forEachRemaining(f -> g.set(f.getKey(), f.getValue()));
                StubHttp.reply(ex, 200, JSON.createObjectNode().set("security_group", g));
            }
            case "DELETE" -> {
                if (g.path("name").asText().equals("default")) {
                    StubHttp.reply(ex, 409, fault("SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group."));
                    return;
                }
                groups.remove(id);
                g.path("security_group_rules").forEach(r -> rules.remove(r.path("id").asText()));
                StubHttp.reply(ex, 204, null);
            }
            default -> StubHttp.reply(ex, 405, fault("MethodNotAllowed", method));
        }
    }

    private void rules(HttpExchange ex, String id, JsonNode body, String project) throws IOException {
        String method = ex.getRequestMethod();
        if (id == null) {
            ObjectNode r = ((ObjectNode) body.path("security_group_rule")).deepCopy();
            ObjectNode parent = visible(groups, r.path("security_group_id").asText(), project);
            if (parent == null) {
                StubHttp.reply(ex, 404, fault("SecurityGroupNotFound", "Security group " + r.path("security_group_id").asText() + " does not exist"));
                return;
            }
            for (JsonNode e : parent.path("security_group_rules")) {
                if (same(e, r)) {
                    StubHttp.reply(ex, 409, fault("SecurityGroupRuleExists", "Security group rule already exists. Rule id is " + e.path("id").asText() + "."));
                    return;
                }
            }
            r.put("id", UUID.randomUUID().toString()).put("tenant_id", project);
            for (String k : new String[] {"port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "protocol"}) {
                if (!r.has(k)) {
                    r.putNull(k);
                }
            }
            ((ArrayNode) parent.get("security_group_rules")).add(r);
            rules.put(r.path("id").asText(), r);
            StubHttp.reply(ex, 201, JSON.createObjectNode().set("security_group_rule", r));
            return;
        }
        ObjectNode r = rules.get(id);
        ObjectNode parent = r == null ? null : visible(groups, r.path("security_group_id").asText(), project);
        if (parent == null) {
            StubHttp.reply(ex, 404, fault("SecurityGroupRuleNotFound", "Security group rule " + id + " does not exist"));
            return;
        }
        if (method.equals("GET")) {
            StubHttp.reply(ex, 200, JSON.createObjectNode().set("security_group_rule", r));
            return;
        }
        rules.remove(id);
        ArrayNode list = (ArrayNode) parent.get("security_group_rules");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path("id").asText().equals(id)) {
                list.remove(i);
                break;
            }
        }
        StubHttp.reply(ex, 204, null);
    }

    private void floatingIps(HttpExchange ex, String id, JsonNode body, Map<String, String> q, String project)
            throws IOException {
        String method = ex.getRequestMethod();
        if (id == null && method.equals("GET")) {
            list(ex, "floatingips", floatingIps, q);
            return;
        }
        if (id == null) {
            String net = body.path("floatingip").path("floating_network_id").asText();
            if (!networks.containsKey(net)) {
                StubHttp.reply(ex, 404, fault("NetworkNotFound", "Network " + net + " could not be found."));
                return;
            }
            ObjectNode f = JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                    .put("floating_ip_address", "172.24.4." + nextAddress.getAndIncrement())
                    .put("floating_network_id", net).put("tenant_id", project).put("project_id", project)
                    .put("status", "DOWN");
            f.putNull("port_id").putNull("fixed_ip_address").putNull("router_id").putNull("port_details");
            floatingIps.put(f.path("id").asText(), f);
            StubHttp.reply(ex, 201, JSON.createObjectNode().set("floatingip", f));
            return;
        }
        ObjectNode f = visible(floatingIps, id, project);
        if (f == null) {
            StubHttp.reply(ex, 404, fault("FloatingIPNotFound", "Floating IP " + id + " could not be found"));
            return;
        }
        if (method.equals("GET")) {
            StubHttp.reply(ex, 200, JSON.createObjectNode().set("floatingip", f));
        } else {
            floatingIps.remove(id);
            StubHttp.reply(ex, 204, null);
        }
    }

    private static ObjectNode visible(Map<String, ObjectNode> store, String id, String project) {
        ObjectNode o = store.get(id);
        return o != null && (project.equals(o.path("tenant_id").asText(project))) ? o : null;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        for (String k : new String[] {"direction", "ethertype", "protocol", "port_range_min", "port_range_max",
                "remote_ip_prefix", "remote_group_id"}) {
            if (!a.path(k).asText("").equals(b.path(k).asText(""))) {
                return false;
            }
        }
        return true;
    }

    private void list(HttpExchange ex, String key, Map<String, ObjectNode> store, Map<String, String> q) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        store.values().stream().filter(o -> q.entrySet().stream()
                .allMatch(e -> o.path(e.getKey()).asText().equalsIgnoreCase(e.getValue()))).forEach(out::add);
        StubHttp.reply(ex, 200, JSON.createObjectNode().set(key, out));
    }

    /** The project of a test token (its {@code pid} claim). */
    private static String project(String token) {
        try {
            String payload = token.split("\\.")[1];
            return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("pid").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static ObjectNode fault(String type, String message) {
        ObjectNode f = JSON.createObjectNode();
        f.putObject("NeutronError").put("type", type).put("message", message).put("detail", "");
        return f;
    }
}
