package io.strato.volume.snapshots;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot in Cinder's JSON (also the data of snapshot events); {@code status_reason} only with an error status.
 */
public record SnapshotView(
        String id,
        String name,
        String description,
        @JsonProperty("volume_id") String volumeId,
        int size,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        Map<String, String> metadata,
        @JsonProperty("os-extended-snapshot-attributes:project_id") String projectId,
        @JsonProperty("os-extended-snapshot-attributes:progress") String progress,
        @JsonProperty("status_reason") @JsonInclude(JsonInclude.Include.NON_NULL) String statusReason) {

    /** {@code {"snapshot": {...}}}. */
    public record One(SnapshotView snapshot) {
    }

    /** {@code {"snapshots": [...]}} of a detailed list. */
    public record Many(List<SnapshotView> snapshots) {
    }

    /** A plain list's short form of a snapshot. */
    public record Brief(String id, String name, @JsonProperty("volume_id") String volumeId, String status, int size) {
        static Brief of(Snapshot s) {
            return new Brief(s.id.toString(), s.name, s.volumeId.toString(), s.status, s.size);
        }
    }

    /** {@code {"snapshots": [...]}} of a plain list. */
    public record BriefMany(List<Brief> snapshots) {
    }

    public static SnapshotView of(Snapshot s) {
        return new SnapshotView(
                s.id.toString(),
                s.name,
                s.description,
                s.volumeId.toString(),
                s.size,
                s.status,
                time(s.createdAt),
                time(s.updatedAt),
                new TreeMap<>(s.metadata == null ? Map.of() : s.metadata),
                s.projectId,
                "available".equals(s.status) ? "100%" : "0%",
                s.statusReason != null && s.status.startsWith("error") ? s.statusReason : null);
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
