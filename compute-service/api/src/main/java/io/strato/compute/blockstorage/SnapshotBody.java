package io.strato.compute.blockstorage;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v2.1/os-snapshots}: {@code {"snapshot": {...}}}, read by {@link BlockStorageRequest}. */
public record SnapshotBody(
        @JsonProperty("snapshot") @Schema(implementation = Attributes.class, required = true) JsonNode snapshot,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** Nova's snapshot create schema (volume_id required; force a boolean or one of its strings). */
    @Schema(name = "ComputeVolumeSnapshotCreate")
    public record Attributes(@JsonProperty("volume_id") String volumeId,
                             @JsonProperty("force") Boolean force,
                             @JsonProperty("display_name") String displayName,
                             @JsonProperty("display_description") String displayDescription) {
    }
}
