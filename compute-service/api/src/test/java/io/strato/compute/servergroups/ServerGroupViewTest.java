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

/** The body and view of a group at 2.1 (2.13, 2.15 and 2.64 are not served: see docs/compute-api.md). */
class ServerGroupViewTest {
    private final ObjectMapper json = new ObjectMapper();

    private ServerGroupRequest parse(String body) throws Exception {
        return ServerGroupRequest.parse(json.readTree(body));
    }

    @Test
    void policiesAreOneOfTheStrictOnes() throws Exception {
        assertEquals("affinity", parse("{\"server_group\": {\"name\": \"g\", \"policies\": [\"affinity\"]}}").policy());
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policies\": [\"soft-affinity\"]}}"));
        assertThrows(InvalidInput.class, () -> parse("{\"server_group\": {\"name\": \"g\", \"policy\": \"anti-affinity\"}}"));
    }

    @Test
    void theView() {
        ServerGroup g = new ServerGroup();
        g.id = UUID.randomUUID();
        g.name = "g";
        g.policy = "anti-affinity";
        g.projectId = "p";
        g.userId = "u";
        g.rules = Map.of("max_server_per_host", 3);
        UUID member = UUID.randomUUID();
        var w = new ServerGroupService.WithMembers(g, List.of(member));
        @SuppressWarnings("unchecked")
        Map<String, Object> v21 = json.convertValue(ServerGroupView.of(w), Map.class);
        assertEquals(List.of("id", "name", "policies", "members", "metadata"), List.copyOf(v21.keySet()));
        assertEquals(List.of("anti-affinity"), v21.get("policies"));
        assertEquals(Map.of(), v21.get("metadata"));
        assertEquals(List.of(member.toString()), v21.get("members"));
        assertFalse(v21.containsKey("project_id"));
        assertFalse(v21.containsKey("policy") || v21.containsKey("rules"));
        assertEquals(3, g.maxServerPerHost());
    }
}
