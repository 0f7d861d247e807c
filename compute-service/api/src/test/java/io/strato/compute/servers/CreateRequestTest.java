package io.strato.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The create body's syntax, as Nova's schema checks it. */
class CreateRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "8f1a4c2e-6a8b-4d39-9a9b-3f0a3a6b1c2d";

    private static JsonNode body(String server) {
        try {
            return JSON.readTree("{\"server\": {\"name\": \"vm\", \"imageRef\": \"" + IMAGE + "\", \"flavorRef\": \"1\""
                    + (server.isEmpty() ? "" : ", " + server) + "}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(String server) {
        return assertThrows(InvalidInput.class, () -> CreateRequest.parse(body(server))).getMessage();
    }

    @Test
    void aMinimalBodyMeansOneServerOnTheAutoNetwork() {
        CreateRequest r = CreateRequest.parse(body(""));
        assertEquals(UUID.fromString(IMAGE), r.imageId());
        assertEquals("1", r.flavorRef());
        assertNull(r.networks(), "auto");
        assertEquals(1, r.minCount());
        assertEquals(1, r.maxCount());
        assertEquals("MANUAL", r.diskConfig());
        assertTrue(r.securityGroups().isEmpty());
    }

    @Test
    void theImageMayBeAUrlEndingInItsId() {
        JsonNode b = body("");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b.get("server")).put("imageRef", "http://x/images/" + IMAGE);
        assertEquals(UUID.fromString(IMAGE), CreateRequest.parse(b).imageId());
    }

    @Test
    void networksAreCheckedEntryByEntry() {
        UUID net = UUID.randomUUID();
        CreateRequest r = CreateRequest.parse(body("\"networks\": [{\"uuid\": \"" + net + "\", \"fixed_ip\": \"10.0.0.5\"}]"));
        assertEquals(net, r.networks().get(0).networkId());
        assertEquals("10.0.0.5", r.networks().get(0).fixedIp());
        assertEquals("Bad networks format: network uuid is not in proper format (x)",
                refusal("\"networks\": [{\"uuid\": \"x\"}]"));
        assertEquals("Invalid fixed IP address (10.0.0.300)",
                refusal("\"networks\": [{\"uuid\": \"" + net + "\", \"fixed_ip\": \"10.0.0.300\"}]"));
        assertEquals("Bad network format: missing 'uuid'", refusal("\"networks\": [{}]"));
        refusal("\"networks\": \"none\"");
    }

    @Test
    void userDataMustBeBase64() {
        assertEquals("aGVsbG8=", CreateRequest.parse(body("\"user_data\": \"aGVsbG8=\"")).userData());
        assertEquals("User data needs to be valid base 64.", refusal("\"user_data\": \"***\""));
    }

    @Test
    void countsHintsAndUnknownAttributes() {
        CreateRequest r = CreateRequest.parse(body("\"min_count\": \"2\", \"max_count\": 4"));
        assertEquals(2, r.minCount());
        assertEquals(4, r.maxCount());
        assertEquals("min_count must be <= max_count", refusal("\"min_count\": 3, \"max_count\": 2"));
        refusal("\"min_count\": 0");
        assertTrue(refusal("\"colour\": \"blue\"").contains("'colour' was unexpected"));
        assertTrue(refusal("\"description\": \"d\"").contains("'description' was unexpected"));
        UUID group = UUID.randomUUID();
        JsonNode withHint = body("");
        ((com.fasterxml.jackson.databind.node.ObjectNode) withHint).putObject("os:scheduler_hints").put("group", group.toString());
        assertEquals(group, CreateRequest.parse(withHint).groupId());
    }

    @Test
    void namesFollowNovasRules() {
        assertThrows(InvalidInput.class, () -> CreateRequest.name(JSON.getNodeFactory().textNode(" padded")));
        assertThrows(InvalidInput.class, () -> CreateRequest.name(JSON.getNodeFactory().textNode("")));
        assertThrows(InvalidInput.class, () -> CreateRequest.name(null));
        assertEquals("web-server-01", CreateRequest.name(JSON.getNodeFactory().textNode("web-server-01")));
    }

    @Test
    void accessAddressesAreKeptInTheirShortFormAsNovaKeepsThem() {
        CreateRequest r = CreateRequest.parse(body(
                "\"accessIPv6\": \"0000:0000:0000:0000:0000:babe:220.12.22.2\", \"accessIPv4\": \"1.1.1.1\""));
        assertEquals("::babe:dc0c:1602", r.accessIpv6());
        assertEquals("1.1.1.1", r.accessIpv4());
        assertEquals("2001:db8::1", CreateRequest.parse(body("\"accessIPv6\": \"2001:DB8:0:0:0:0:0:1\"")).accessIpv6());
        assertTrue(refusal("\"accessIPv6\": \"1.1.1.1\"").contains("is not a 'ipv6'"));
    }
}
