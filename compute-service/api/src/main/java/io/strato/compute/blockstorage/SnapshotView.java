package io.strato.compute.blockstorage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Cinder snapshot in Nova's os-snapshots shape ({@code size} is the snapshot's volume size, as Cinder gives it). */
@Schema(name = "ComputeVolumeSnapshot")
public record SnapshotView(
        @JsonProperty("id") String id,
        @JsonProperty("volumeId") String volumeId,
        @JsonProperty("status") String status,
        @JsonProperty("size") long size,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("displayDescription") String displayDescription) {

    static SnapshotView of(JsonNode s) {
        return new SnapshotView(s.path("id").asText(), VolumeView.text(s, "volume_id"), VolumeView.text(s, "status"),
                s.path("size").asLong(), VolumeView.text(s, "created_at"), VolumeView.text(s, "name"),
                VolumeView.text(s, "description"));
    }

    @Schema(name = "ComputeVolumeSnapshotOne")
    public record One(@JsonProperty("snapshot") SnapshotView snapshot) {
    }

    @Schema(name = "ComputeVolumeSnapshotMany")
    public record Many(@JsonProperty("snapshots") List<SnapshotView> snapshots) {
    }
}
