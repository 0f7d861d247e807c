package io.strato.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.strato.kit.faults.InvalidInput;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebPrimitivesTest {

    @Test
    void booleansFollowOslosBoolFromString() {
        for (String t : new String[] {"1", "t", "TRUE", " yes ", "On", "y"}) {
            assertEquals(Optional.of(true), Booleans.parse(t), t);
        }
        for (String f : new String[] {"0", "f", "False", "off", "NO", "n"}) {
            assertEquals(Optional.of(false), Booleans.parse(f), f);
        }
        assertEquals(Optional.empty(), Booleans.parse("maybe"));
        assertEquals(Optional.empty(), Booleans.parse(null));
        assertFalse(Booleans.isTrue("maybe"));
        assertTrue(Booleans.isTrue("True"));
        InvalidInput bad = assertThrows(InvalidInput.class, () -> Booleans.require("maybe", "is_public"));
        assertTrue(bad.getMessage().contains("is_public") && bad.getMessage().contains("maybe"), bad.getMessage());
        JsonNodeFactory json = JsonNodeFactory.instance;
        assertTrue(Booleans.require(json.booleanNode(true), "x"));
        assertFalse(Booleans.require(json.textNode("off"), "x"));
        assertThrows(InvalidInput.class, () -> Booleans.require(json.numberNode(1), "x"));
        assertThrows(InvalidInput.class, () -> Booleans.require(json.nullNode(), "x"));
    }

    @Test
    void idsAreCanonicalUuidsOnly() {
        UUID id = UUID.randomUUID();
        assertEquals(Optional.of(id), Ids.parse(id.toString()));
        assertEquals(Optional.of(id), Ids.parse(id.toString().toUpperCase()));
        assertEquals(Optional.empty(), Ids.parse("1-1-1-1-1"), "UUID.fromString would take it");
        assertEquals(Optional.empty(), Ids.parse(id.toString().replace("-", "")));
        assertNull(Ids.orNull("web-server-01"));
        IllegalStateException notFound = assertThrows(IllegalStateException.class,
                () -> Ids.orNotFound("web-server-01", () -> new IllegalStateException("no such server")));
        assertEquals("no such server", notFound.getMessage());
        assertThrows(InvalidInput.class, () -> Ids.require("nope", "network_id"));
        assertEquals(id, Ids.require(id.toString(), "network_id"));
    }

    @Test
    void theNextLinkKeepsTheQueryAndReplacesTheMarker() {
        URI request = URI.create("http://127.0.0.1:9696/v2.0/ports?limit=2&marker=old&name=a%20b&sort_key=id");
        assertEquals("http://127.0.0.1:9696/v2.0/ports?limit=2&name=a%20b&sort_key=id&marker=abc",
                PageLinks.next(request, "abc", null, null));
        assertEquals("http://gw:8080/volume/v3/p1/volumes/detail?limit=1&marker=m%2F1",
                PageLinks.next(URI.create("http://127.0.0.1:8776/v3/p1/volumes/detail?limit=1"), "m/1",
                        "http://gw:8080/volume/", "/v3/"));
        assertEquals("http://h/v2.1/flavors?marker=x", PageLinks.next(URI.create("http://h/v2.1/flavors"), "x", null, null));
    }
}
