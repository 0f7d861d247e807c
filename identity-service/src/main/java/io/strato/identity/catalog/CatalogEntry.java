package io.strato.identity.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One service of the catalog, as Keystone puts it in tokens and in {@code GET /v3/auth/catalog}:
 * {@code {"type", "name", "id", "endpoints": [{"id", "interface", "region", "region_id", "url"}]}}.
 */
@Schema(name = "CatalogEntry")
public record CatalogEntry(String type, String name, String id, List<Url> endpoints) {

    static CatalogEntry of(CatalogService s, List<Url> endpoints) {
        return new CatalogEntry(s.type, s.name == null ? "" : s.name, s.id, List.copyOf(endpoints));
    }

    /** The same service with other endpoints. */
    CatalogEntry withEndpoints(List<Url> others) {
        return new CatalogEntry(type, name, id, List.copyOf(others));
    }

    /** An endpoint of a catalog entry; {@code region} repeats {@code region_id}, as Keystone writes both. */
    @Schema(name = "CatalogEndpoint")
    public record Url(String id, @JsonProperty("interface") String iface, String region,
                      @JsonProperty("region_id") String regionId, String url) {

        static Url of(Endpoint e) {
            return new Url(e.id, e.iface, e.regionId, e.regionId, e.url);
        }

        /** The same endpoint at another URL. */
        Url at(String other) {
            return new Url(id, iface, region, regionId, other);
        }
    }
}
