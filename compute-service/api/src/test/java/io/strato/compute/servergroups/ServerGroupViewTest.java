package io.strato.compute.servergroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.compute.api.Microversion;
import io.strato.kit.faults.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What changes with the microversion: the body and view of a group (2.1, 2.13, 2.15, 2.64). */
class ServerGroupViewTest {
    private final ObjectMapper json = new ObjectMapper();

    private ServerGroupRequest parse(String body, int minor) throws Exception {
        return ServerGroupRequest.parse(json.readTree(body), new Microversion(2, minor));
    }

    @Test
    void strictPoliciesAt21SoftFrom215AndPolicyWithRulesFrom264() throws Exception {
        assertEquals("affinity", parse("{\"server_group\": {\"name\": \"g\", \"policies\": [\"affinity\"]}}", 1).policy());
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policies\": [\"soft-affinity\"]}}", 14));
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policy\": \"anti-affinity\"}}", 1));
        assertEquals("soft-affinity", parse("{\"server_group\": {\"name\": \"g\", \"policies\": [\"soft-affinity\"]}}", 15).policy());
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policies\": [\"affinity\"]}}", 64));
        ServerGroupRequest r = parse("{\"server_group\": {\"name\": \"g\", \"policy\": \"anti-affinity\", "
                + "\"rules\": {\"max_server_per_host\": 2}}}", 64);
        assertEquals(Map.of("max_server_per_host", 2), r.rules());
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policy\": \"affinity\", "
                + "\"rules\": {\"max_server_per_host\": 2}}}", 64));
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policy\": \"anti-affinity\", "
                + "\"rules\": {\"max_server_per_host\": 0}}}", 64));
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policy\": \"anti-affinity\", "
                + "\"rules\": {\"colour\": 1}}}", 64));
    }

    @Test
    @SuppressWarnings("unchecked")
    void viewsByMicroversion() {
        ServerGroup g = new ServerGroup();
        g.id = UUID.randomUUID();
        g.name = "g";
        g.policy = "anti-affinity";
        g.projectId = "p";
        g.userId = "u";
        g.rules = Map.of("max_server_per_host", 3);
        UUID member = UUID.randomUUID();
        var w = new ServerGroupService.WithMembers(g, List.of(member));
        Map<String, Object> v21 = json.convertValue(ServerGroupView.of(w, Microversion.MIN), Map.class);
        assertEquals(List.of("id", "name", "policies", "members", "metadata"), List.copyOf(v21.keySet()));
        assertEquals(List.of("anti-affinity"), v21.get("policies"));
        assertEquals(Map.of(), v21.get("metadata"));
        assertEquals(List.of(member.toString()), v21.get("members"));
        Map<String, Object> v213 = json.convertValue(ServerGroupView.of(w, new Microversion(2, 13)), Map.class);
        assertEquals("p", v213.get("project_id"));
        assertEquals("u", v213.get("user_id"));
        Map<String, Object> v264 = json.convertValue(ServerGroupView.of(w, new Microversion(2, 64)), Map.class);
        assertEquals(List.of("id", "name", "policy", "rules", "members", "project_id", "user_id"), List.copyOf(v264.keySet()));
        assertEquals(Map.of("max_server_per_host", 3), v264.get("rules"));
        assertFalse(v264.containsKey("policies") || v264.containsKey("metadata"));
        assertEquals(3, g.maxServerPerHost());
    }
}
