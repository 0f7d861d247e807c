package io.strato.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.strato.compute.api.Microversion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server view records on the wire (with the service's snake_case mapper): Nova's keys, nulls and absences. */
class ServerViewJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).findAndRegisterModules();
    private final ServerViews views = new ServerViews("http://gw/compute/", null, null);

    private static Server server(String vmState, String host) {
        Server s = new Server();
        s.id = UUID.randomUUID();
        s.projectId = "p";
        s.userId = "u";
        s.name = "vm";
        s.flavorId = "1";
        s.vmState = vmState;
        s.host = host;
        s.createdAt = Instant.parse("2026-01-02T03:04:05Z");
        s.updatedAt = s.createdAt;
        s.securityGroups = List.of(new Server.SecurityGroup("default", null), new Server.SecurityGroup("default", null));
        return s;
    }

    private JsonNode full(Server s, boolean admin) {
        return full(s, new ServerViews.Audience(admin, null, Microversion.MIN), null);
    }

    private JsonNode full(Server s, ServerViews.Audience who, ServerQueries.Node node) {
        ServerPort port = new ServerPort();
        port.networkName = "private";
        port.macAddress = "fa:16:3e:00:00:01";
        port.fixedIps = List.of(new ServerPort.Address("10.0.0.5", "subnet", 4));
        return JSON.valueToTree(views.full(s, List.of(port), List.of(UUID.randomUUID()), List.of("a"), who, node));
    }

    private static ServerViews.Audience at(int minor, boolean admin) {
        return new ServerViews.Audience(admin, admin ? ServerViews.ALL : null, new Microversion(2, minor));
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void anAdminSeesNovasKeysInNovasOrderWithTheirNulls() {
        JsonNode v = full(server("active", null), true);
        assertEquals(List.of("id", "name", "status", "tenant_id", "user_id", "metadata", "hostId", "image", "flavor",
                "created", "updated", "addresses", "accessIPv4", "accessIPv6", "links", "OS-DCF:diskConfig", "progress",
                "OS-EXT-AZ:availability_zone", "config_drive", "key_name", "OS-SRV-USG:launched_at",
                "OS-SRV-USG:terminated_at", "security_groups", "OS-EXT-SRV-ATTR:host", "OS-EXT-SRV-ATTR:instance_name",
                "OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-STS:task_state", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:power_state", "os-extended-volumes:volumes_attached"), keys(v));
        assertTrue(v.get("OS-EXT-SRV-ATTR:host").isNull());
        assertTrue(v.get("key_name").isNull());
        assertTrue(v.get("OS-EXT-STS:task_state").isNull());
        assertEquals("", v.get("image").asText());
        assertEquals("", v.get("hostId").asText());
        assertEquals("2026-01-02T03:04:05Z", v.get("created").asText());
        assertEquals(List.of("id", "links"), keys(v.get("flavor")));
        assertEquals("bookmark", v.at("/flavor/links/0/rel").asText());
        assertEquals(1, v.get("security_groups").size());
        assertEquals(List.of("version", "addr", "OS-EXT-IPS:type", "OS-EXT-IPS-MAC:mac_addr"),
                keys(v.at("/addresses/private/0")));
        assertEquals("http://gw/compute/v2.1/servers/" + v.get("id").asText(), v.at("/links/0/href").asText());
    }

    @Test
    void othersSeeNeitherTheExtendedAttributesNorAProgressOutsideAnOperation() {
        JsonNode v = full(server("stopped", "h1"), false);
        assertFalse(v.has("OS-EXT-SRV-ATTR:host"));
        assertFalse(v.has("OS-EXT-SRV-ATTR:instance_name"));
        assertFalse(v.has("progress"));
        assertFalse(v.has("fault"));
        assertEquals("SHUTOFF", v.get("status").asText());
    }

    @Test
    void aFaultsTraceIsForAdminsOnly() {
        Server s = server("error", null);
        s.fault = new Server.Fault(500, "boom", "Traceback", null);
        JsonNode member = full(s, false).get("fault");
        assertEquals(List.of("code", "created", "message"), keys(member));
        assertTrue(member.get("created").isNull());
        assertEquals("Traceback", full(s, true).at("/fault/details").asText());
    }

    @Test
    void aCreatedServerHasItsPasswordOnlyWhenThereIsOne() {
        Server s = server("building", null);
        assertEquals(List.of("id", "links", "OS-DCF:diskConfig", "security_groups"), keys(JSON.valueToTree(views.created(s, null))));
        assertEquals("pw", JSON.valueToTree(views.created(s, "pw")).get("adminPass").asText());
        assertEquals(List.of("servers"), keys(JSON.valueToTree(new ServerView.BriefMany(List.of(views.brief(s)), null))));
    }

    @Test
    void updateAndRebuildAnswerNovasBasicViewWithPlainAddresses() {
        Server s = server("active", "h1");
        ServerPort port = new ServerPort();
        port.networkName = "private";
        port.macAddress = "fa:16:3e:00:00:01";
        port.fixedIps = List.of(new ServerPort.Address("10.0.0.5", "subnet", 4));
        JsonNode v = JSON.valueToTree(views.basic(s, List.of(port), List.of(), new ServerViews.Audience(true, ServerViews.ALL, Microversion.MIN)));
        assertEquals(List.of("id", "name", "status", "tenant_id", "user_id", "metadata", "hostId", "image", "flavor",
                "created", "updated", "addresses", "accessIPv4", "accessIPv6", "links", "OS-DCF:diskConfig", "progress"), keys(v));
        assertEquals(List.of("version", "addr"), keys(v.at("/addresses/private/0")));
        assertEquals("pw", JSON.valueToTree(views.basic(s, List.of(), List.of(), at(1, false)).rebuilt("pw", null, null, io.strato.compute.api.Microversion.MIN)).get("adminPass").asText());
        JsonNode v219 = JSON.valueToTree(views.basic(s, List.of(port), List.of(), at(19, true)));
        assertEquals(false, v219.get("locked").asBoolean(true));
        assertTrue(v219.get("description").isNull());
        assertFalse(v219.has("host_status"), "update and rebuild show no host status before 2.75");
    }

    @Test
    void laterMicroversionsAddTheirKeys() {
        Server s = server("active", "h1");
        s.reservationId = "r-1";
        s.userData = "aGk=";
        s.launchedAt = s.createdAt;
        s.locked = true;
        s.description = "web";
        JsonNode v21 = full(s, true);
        assertFalse(v21.has("locked") || v21.has("description") || v21.has("host_status") || v21.has("OS-EXT-SRV-ATTR:hostname"));
        assertFalse(v21.at("/os-extended-volumes:volumes_attached/0").has("delete_on_termination"));
        JsonNode v23 = full(s, at(3, true), new ServerQueries.Node("node1", "UP"));
        assertEquals("r-1", v23.get("OS-EXT-SRV-ATTR:reservation_id").asText());
        assertEquals(0, v23.get("OS-EXT-SRV-ATTR:launch_index").asInt());
        assertEquals("vm", v23.get("OS-EXT-SRV-ATTR:hostname").asText());
        assertEquals("", v23.get("OS-EXT-SRV-ATTR:kernel_id").asText());
        assertEquals("/dev/vda", v23.get("OS-EXT-SRV-ATTR:root_device_name").asText());
        assertEquals("aGk=", v23.get("OS-EXT-SRV-ATTR:user_data").asText());
        assertEquals("node1", v23.get("OS-EXT-SRV-ATTR:hypervisor_hostname").asText());
        assertFalse(v23.at("/os-extended-volumes:volumes_attached/0/delete_on_termination").asBoolean(true));
        assertFalse(full(s, at(3, false), null).has("OS-EXT-SRV-ATTR:user_data"));
        assertTrue(full(s, at(9, false), null).get("locked").asBoolean());
        assertEquals("MAINTENANCE", full(s, at(16, true), new ServerQueries.Node("n", "MAINTENANCE")).get("host_status").asText());
        assertFalse(full(s, at(16, false), new ServerQueries.Node("n", "UP")).has("host_status"));
        JsonNode unknownOnly = full(s, new ServerViews.Audience(false, ServerViews.UNKNOWN_ONLY, new Microversion(2, 16)),
                new ServerQueries.Node("n", "UP"));
        assertFalse(unknownOnly.has("host_status"));
        assertEquals("", full(server("building", null), at(16, true), null).get("host_status").asText());
        assertEquals("web", full(s, at(19, false), null).get("description").asText());
        assertFalse(full(s, at(25, false), null).has("tags"));
        assertEquals("a", full(s, at(26, false), null).at("/tags/0").asText());
    }
}
