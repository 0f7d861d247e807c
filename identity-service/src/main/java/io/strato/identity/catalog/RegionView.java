package io.strato.identity.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a region. */
public record RegionView(String id, String description, @JsonProperty("parent_region_id") String parentRegionId,
                         Map<String, String> links) {

    public static RegionView of(Region r, Links links) {
        return new RegionView(r.id, r.description == null ? "" : r.description, r.parentRegionId,
                links.self("regions/" + r.id));
    }

    @Schema(name = "RegionOne")
    public record One(RegionView region) {
    }

    @Schema(name = "RegionMany")
    public record Many(List<RegionView> regions, Map<String, String> links) {
    }

    /** Request body: {"region": {...}}. */
    @Schema(name = "RegionBody")
    public record Body(Fields region) {
    }

    @Schema(name = "RegionFields")
    public record Fields(String id, String description, @JsonProperty("parent_region_id") String parentRegionId) {
    }
}
