package io.strato.compute.versions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.compute.api.Link;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version of the compute API as Nova's version documents show it; media-types only for v2.1. */
@Schema(name = "ComputeVersion")
public record VersionView(
        @JsonProperty("id") String id,
        @JsonProperty("status") String status,
        @JsonProperty("version") String version,
        @JsonProperty("min_version") String minVersion,
        @JsonProperty("updated") String updated,
        @JsonProperty("links") List<Link> links,
        @JsonProperty("media-types") @JsonInclude(JsonInclude.Include.NON_NULL) List<MediaType> mediaTypes) {

    @Schema(name = "ComputeVersionMediaType")
    public record MediaType(@JsonProperty("base") String base, @JsonProperty("type") String type) {
    }

    @Schema(name = "ComputeVersionOne")
    public record One(@JsonProperty("version") VersionView version) {
    }

    @Schema(name = "ComputeVersionMany")
    public record Many(@JsonProperty("versions") List<VersionView> versions) {
    }
}
