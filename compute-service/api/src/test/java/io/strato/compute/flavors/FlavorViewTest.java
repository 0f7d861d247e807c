package io.strato.compute.flavors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        Map<String, Object> v21 = view.detail(flavor());
        assertEquals("", v21.get("swap"));
        assertFalse(v21.containsKey("description"));
        assertFalse(v21.containsKey("extra_specs"));
        assertFalse(view.brief(flavor()).containsKey("description"));
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
