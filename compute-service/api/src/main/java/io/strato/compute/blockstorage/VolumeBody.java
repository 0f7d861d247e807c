package io.strato.compute.blockstorage;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-volumes}: {@code {"volume": {...}}}. Values stay JSON so that
 * {@link BlockStorageRequest} answers with Nova's schema messages; unknown members are kept for its 400.
 */
public record VolumeBody(
        @JsonProperty("volume") @Schema(implementation = Attributes.class, required = true) JsonNode volume,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** Nova's volume create schema (size required: an integer or a string of digits, at least 1). */
    @Schema(name = "ComputeVolumeCreate")
    public record Attributes(@JsonProperty("size") Integer size,
                             @JsonProperty("display_name") String displayName,
                             @JsonProperty("display_description") String displayDescription,
                             @JsonProperty("volume_type") String volumeType,
                             @JsonProperty("snapshot_id") String snapshotId,
                             @JsonProperty("availability_zone") String availabilityZone,
                             @JsonProperty("metadata") Map<String, String> metadata) {
    }
}
