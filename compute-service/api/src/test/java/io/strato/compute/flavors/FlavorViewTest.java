package io.strato.compute.flavors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlavorViewTest {
    private final FlavorView view = new FlavorView("http://gw/compute/");

    private static Flavor flavor() {
        Flavor f = new Flavor();
        f.id = "7";
        f.name = "m1.test";
        f.memoryMb = 64;
        f.vcpus = 1;
        f.description = "small";
        return f;
    }

    @Test
    void theFieldsOf21() {
        JsonNode v21 = JSON.valueToTree(view.detail(flavor()));
        assertEquals(List.of("id", "name", "ram", "disk", "swap", "OS-FLV-EXT-DATA:ephemeral", "OS-FLV-DISABLED:disabled",
                "vcpus", "os-flavor-access:is_public", "rxtx_factor", "links"), keys(v21));
        assertEquals("", v21.get("swap").textValue());
        assertFalse(v21.has("description"));
        assertFalse(v21.has("extra_specs"));
        assertEquals(List.of("id", "name", "links"), keys(JSON.valueToTree(view.brief(flavor()))));
        Flavor withSwap = flavor();
        withSwap.swap = 512;
        assertEquals(512, JSON.valueToTree(view.detail(withSwap)).get("swap").intValue());
    }

    @Test
    void fieldsFollowTheMicroversion() {
        io.strato.compute.api.Microversion v = io.strato.compute.api.Microversion.MIN;
        JsonNode v261 = JSON.valueToTree(view.detail(flavor(), new io.strato.compute.api.Microversion(2, 61), Map.of("a", "b")));
        assertEquals("small", v261.get("description").textValue());
        assertEquals("b", v261.get("extra_specs").get("a").textValue());
        assertEquals("", v261.get("swap").textValue());
        JsonNode v255 = JSON.valueToTree(view.detail(flavor(), new io.strato.compute.api.Microversion(2, 55), Map.of("a", "b")));
        assertFalse(v255.has("extra_specs"));
        assertFalse(JSON.valueToTree(view.detail(flavor(), new io.strato.compute.api.Microversion(2, 61), null)).has("extra_specs"));
        assertEquals(0, JSON.valueToTree(view.detail(flavor(), new io.strato.compute.api.Microversion(2, 75), null)).get("swap").intValue());
        assertFalse(JSON.valueToTree(view.brief(flavor(), new io.strato.compute.api.Microversion(2, 54))).has("description"));
        assertEquals("small", JSON.valueToTree(view.brief(flavor(), new io.strato.compute.api.Microversion(2, 55))).get("description").textValue());
        assertFalse(JSON.valueToTree(view.detail(flavor(), v, Map.of())).has("description"));
    }

    @Test
    void linksUseThePublicUrl() {
        assertEquals(Map.of("rel", "self", "href", "http://gw/compute/v2.1/flavors/7"),
                JSON.convertValue(view.links("7").get(0), Map.class));
        assertEquals(Map.of("rel", "bookmark", "href", "http://gw/compute/flavors/7"),
                JSON.convertValue(view.links("7").get(1), Map.class));
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).findAndRegisterModules();

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void flavorRefsEndInTheId() {
        assertEquals("3", Flavors.idOf("3"));
        assertEquals("3", Flavors.idOf("http://gw/compute/v2.1/flavors/3"));
        assertEquals("abc", Flavors.idOf("http://gw/compute/flavors/abc/"));
        assertEquals(null, Flavors.idOf(""));
    }
}
