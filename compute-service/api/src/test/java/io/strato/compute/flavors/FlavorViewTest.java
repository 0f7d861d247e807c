package io.strato.compute.flavors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void fieldsFollowTheMicroversion() {
        Map<String, Object> v21 = view.detail(flavor(), 1, Map.of("a", "b"));
        assertEquals("", v21.get("swap"));
        assertFalse(v21.containsKey("description"));
        assertFalse(v21.containsKey("extra_specs"));
        Map<String, Object> v261 = view.detail(flavor(), 61, Map.of("a", "b"));
        assertEquals("small", v261.get("description"));
        assertEquals(Map.of("a", "b"), v261.get("extra_specs"));
        assertFalse(view.detail(flavor(), 61, null).containsKey("extra_specs"));
        assertEquals(0, view.detail(flavor(), 75, null).get("swap"));
        assertTrue(view.brief(flavor(), 55).containsKey("description"));
        assertFalse(view.brief(flavor(), 54).containsKey("description"));
    }

    @Test
    void linksUseThePublicUrl() {
        assertEquals(Map.of("rel", "self", "href", "http://gw/compute/v2.1/flavors/7"), view.links("7").get(0));
        assertEquals(Map.of("rel", "bookmark", "href", "http://gw/compute/flavors/7"), view.links("7").get(1));
    }

    @Test
    void flavorRefsEndInTheId() {
        assertEquals("3", Flavors.idOf("3"));
        assertEquals("3", Flavors.idOf("http://gw/compute/v2.1/flavors/3"));
        assertEquals("abc", Flavors.idOf("http://gw/compute/flavors/abc/"));
        assertEquals(null, Flavors.idOf(""));
    }
}
