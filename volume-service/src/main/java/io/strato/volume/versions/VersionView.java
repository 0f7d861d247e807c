package io.strato.volume.versions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One API version of Cinder's version discovery: v3.0 with its microversion range. */
public record VersionView(
        String id,
        String status,
        String version,
        @JsonProperty("min_version") String minVersion,
        String updated,
        List<VersionLink> links,
        @JsonProperty("media-types") List<MediaType> mediaTypes) {

    /** {@code {"versions": [...]}}. */
    public record Many(List<VersionView> versions) {
    }

    /** A link of a version: its documentation (with the page's type) or itself. */
    public record VersionLink(String rel, @JsonInclude(JsonInclude.Include.NON_NULL) String type, String href) {
    }

    /** A media type the version speaks. */
    public record MediaType(String base, String type) {
    }
}
