package io.strato.compute.servergroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What changes with the microversion: the body and view of a group (2.13, 2.15, 2.64). */
class ServerGroupViewTest {
    private final ObjectMapper json = new ObjectMapper();

    private ServerGroupRequest parse(String body, int minor) throws Exception {
        return ServerGroupRequest.parse(json.readTree(body), minor);
    }

    @Test
    void softPoliciesFrom215AndPolicyWithRulesFrom264() throws Exception {
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policies\": [\"soft-affinity\"]}}", 14));
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
        Map<String, Object> v21 = ServerGroupResource.view(w, 1);
        assertEquals(List.of("anti-affinity"), v21.get("policies"));
        assertEquals(Map.of(), v21.get("metadata"));
        assertEquals(List.of(member.toString()), v21.get("members"));
        assertFalse(v21.containsKey("project_id"));
        assertEquals("p", ServerGroupResource.view(w, 13).get("project_id"));
        Map<String, Object> v264 = ServerGroupResource.view(w, 64);
        assertEquals("anti-affinity", v264.get("policy"));
        assertEquals(Map.of("max_server_per_host", 3), v264.get("rules"));
        assertFalse(v264.containsKey("policies") || v264.containsKey("metadata"));
        assertEquals(3, g.maxServerPerHost());
    }
}
