package io.strato.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body of the wrong shape is explained in JSON's words: the field's path and the kind of value, no Java class. */
class JsonBodyMessagesTest {

    record Network(String uuid, Integer port) {
    }

    record Server(String name, List<Network> networks, boolean locked) {
    }

    record Body(Server server) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static String message(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Body.class));
        return JsonBody.malformed(e);
    }

    @Test
    void wrongTypesNameTheFieldAndTheKindOfValue() {
        assertEquals("Invalid request body at 'server.networks[0].port': expected an integer, not 'x'",
                message("{\"server\": {\"networks\": [{\"port\": \"x\"}]}}"));
        assertEquals("Invalid request body at 'server.networks': expected a list",
                message("{\"server\": {\"networks\": 5}}"));
        assertEquals("Invalid request body at 'server': expected an object", message("{\"server\": 5}"));
        assertEquals("Invalid request body: expected an object", message("[1]"));
        assertEquals("Invalid request body: unknown attribute 'flavour' in 'server'",
                message("{\"server\": {\"flavour\": 1}}"));
    }

    @Test
    void theOffendingValueIsNamed() {
        assertEquals("Invalid request body at 'server.locked': expected a boolean, not 'maybe'",
                message("{\"server\": {\"locked\": \"maybe\"}}"));
    }

    @Test
    void noJavaClassEverReachesTheClient() {
        for (String json : List.of("{\"server\": {\"locked\": \"maybe\"}}", "{\"server\": []}", "\"text\"",
                "{\"server\": {\"name\": {}}}")) {
            String m = message(json);
            assertTrue(m.startsWith("Invalid request body"), m);
            assertFalse(m.contains("io.strato") || m.contains("java.") || m.contains("Cannot deserialize"), m);
        }
    }

    @Test
    void unparsableJsonKeepsTheParsersReason() {
        assertTrue(message("{\"server\": ").startsWith("Malformed JSON in request body: "));
    }

    /** Found by tests/fuzz (issue 16): a truncated object named Jackson's source and its feature flags. */
    @Test
    void theParsersReasonNamesNoJacksonInternals() {
        for (String json : List.of("{", "{\"server\": {", "{\"a\": 'x'}", "{\"a\": 01}", "{\"a\": NaN}", "\u0000{",
                "{\"a\" 1}", "{\"a\": \"\u0001\"}")) {
            String m = message(json);
            assertTrue(m.startsWith("Malformed JSON in request body: ") || m.startsWith("Invalid request body"), m);
            for (String leak : List.of("[Source", "Feature", "FAIL_ON_", "ALLOW_", "REDACTED", "com.fasterxml")) {
                assertFalse(m.contains(leak), json + " -> " + m);
            }
        }
        assertEquals("Malformed JSON in request body: Unexpected end-of-input: expected close marker for Object",
                message("{"));
    }
}
