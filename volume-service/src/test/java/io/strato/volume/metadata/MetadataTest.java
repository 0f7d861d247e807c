package io.strato.volume.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cinder's metadata rules: an object of strings, keys of 1 to 255 characters, values of at most 255. */
class MetadataTest {
    // unknown keys ignored, as Quarkus' ObjectMapper binds request bodies
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    static Metadata.Body body(String s) throws Exception {
        return JSON.readValue(s, Metadata.Body.class);
    }

    static Metadata.ItemBody item(String s) throws Exception {
        return JSON.readValue(s, Metadata.ItemBody.class);
    }

    @Test
    void keysAndValuesUpToTheLimitAreKept() throws Exception {
        String key = "k".repeat(Metadata.MAX_LENGTH);
        String value = "v".repeat(Metadata.MAX_LENGTH);
        assertEquals(255, Metadata.MAX_LENGTH);
        assertEquals(Map.of(key, value, "a", "", "x", "y"),
                Metadata.of(json("{\"" + key + "\": \"" + value + "\", \"a\": \"\", \"x\": \"y\"}")));
        assertEquals(Map.of(), Metadata.of(null));
        assertEquals(Map.of(), Metadata.of(json("null")));
        assertEquals(Map.of(), Metadata.of(json("{}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a\"", "1", "{\"k\": 1}", "{\"k\": true}", "{\"k\": null}", "{\"k\": [\"v\"]}",
            "{\"k\": {\"a\": \"b\"}}", "{\"\": \"v\"}"})
    void anythingButAnObjectOfStringsIsInvalid(String body) throws Exception {
        JsonNode n = json(body);
        assertThrows(InvalidInput.class, () -> Metadata.of(n));
    }

    @Test
    void aKeyOrValueOverTheLimitIsInvalid() throws Exception {
        String over = "x".repeat(Metadata.MAX_LENGTH + 1);
        InvalidInput longKey = assertThrows(InvalidInput.class, () -> Metadata.of(json("{\"" + over + "\": \"v\"}")));
        assertTrue(longKey.getMessage().contains("at most 255"), longKey.getMessage());
        assertThrows(InvalidInput.class, () -> Metadata.of(json("{\"k\": \"" + over + "\"}")));
    }

    @Test
    void bodiesAreCindersShapes() throws Exception {
        assertEquals(Map.of("a", "b"), Metadata.ofBody(body("{\"metadata\": {\"a\": \"b\"}}")));
        for (String bad : new String[] {"{}", "{\"metadata\": null}", "{\"metadata\": \"a\"}", "{\"meta\": {\"a\": \"b\"}}"}) {
            Metadata.Body n = body(bad);
            assertThrows(InvalidInput.class, () -> Metadata.ofBody(n), bad);
        }
        assertEquals(Map.of("a", "b"), Metadata.itemOfBody(item("{\"meta\": {\"a\": \"b\"}}"), "a"));
        for (String bad : new String[] {"{}", "{\"meta\": {\"b\": \"c\"}}", "{\"meta\": {\"a\": \"b\", \"c\": \"d\"}}",
                "{\"meta\": {\"a\": 1}}", "{\"meta\": \"a\"}", "{\"metadata\": {\"a\": \"b\"}}"}) {
            Metadata.ItemBody n = item(bad);
            assertThrows(InvalidInput.class, () -> Metadata.itemOfBody(n, "a"), bad);
        }
        assertThrows(InvalidInput.class, () -> Metadata.ofBody(null), "no body");
        assertThrows(InvalidInput.class, () -> Metadata.itemOfBody(null, "a"), "no body");
    }

    @Test
    void postMergesPutReplacesAndDeleteDropsOneKey() {
        Map<String, String> current = Map.of("a", "1", "b", "2");
        assertEquals(Map.of("a", "9", "b", "2", "c", "3"), Metadata.set(current, Map.of("a", "9", "c", "3"), false));
        assertEquals(Map.of("c", "3"), Metadata.set(current, Map.of("c", "3"), true));
        assertEquals(Map.of(), Metadata.set(current, Map.of(), true));
        assertEquals(Map.of("b", "2"), Metadata.without(current, "a"));
        assertNull(Metadata.without(current, "z"));
        assertEquals(Map.of("a", "1", "b", "2"), current);
    }
}
