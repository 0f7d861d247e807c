package io.strato.identity.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keystone's endpoint URL templates, filled per token. */
class CatalogTemplatesTest {

    @Test
    void fillsProjectAndTenantTemplatesInBothSpellings() {
        Map<String, String> v = Map.of("project_id", "p1", "tenant_id", "p1", "user_id", "u1");
        assertEquals("http://gw/volume/v3/p1", CatalogBuilder.fill("http://gw/volume/v3/$(project_id)s", v));
        assertEquals("http://gw/x/p1/u1", CatalogBuilder.fill("http://gw/x/%(tenant_id)s/$(user_id)s", v));
        assertEquals("http://gw/identity", CatalogBuilder.fill("http://gw/identity", v));
    }

    @Test
    void dropsEndpointsWhoseTemplateCannotBeFilled() {
        Map<String, String> unscoped = new HashMap<>();
        unscoped.put("project_id", null);
        unscoped.put("user_id", "u1");
        assertNull(CatalogBuilder.fill("http://gw/volume/v3/$(project_id)s", unscoped));
        assertNull(CatalogBuilder.fill("http://gw/$(unknown)s", unscoped));

        List<CatalogEntry> catalog = List.of(new CatalogEntry("volumev3", "cinderv3", "s1",
                List.of(new CatalogEntry.Url("e1", "public", null, null, "http://gw/volume/v3/$(project_id)s"),
                        new CatalogEntry.Url("e2", "internal", null, null, "http://gw/volume/v3"))));
        List<CatalogEntry> filled = CatalogBuilder.substitute(catalog, unscoped);
        assertEquals(List.of(new CatalogEntry.Url("e2", "internal", null, null, "http://gw/volume/v3")),
                filled.get(0).endpoints());
    }
}
