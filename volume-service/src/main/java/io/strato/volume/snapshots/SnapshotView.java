package io.strato.volume.snapshots;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A snapshot in Cinder's JSON (also the data of snapshot events). Cinder's summary keys are always here (the plain
 * list shows them all); its detail view (create, update, show, list detail) adds {@code group_snapshot_id} at 3.14
 * and {@code user_id} at 3.41; show and list detail also run the extended snapshot attributes extension
 * ({@code os-extended-snapshot-attributes:project_id} and {@code :progress}, for whoever may see the snapshot).
 * {@code status_reason} (Strato's, not Cinder's: Tempest's schemas refuse it) only in events, with an error status. A key typed {@code Optional} is left out when null
 * and written as JSON null when empty.
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
        @JsonProperty("group_snapshot_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> groupSnapshotId,
        @JsonProperty("user_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> userId,
        @JsonProperty("os-extended-snapshot-attributes:project_id") @JsonInclude(JsonInclude.Include.NON_NULL) String projectId,
        @JsonProperty("os-extended-snapshot-attributes:progress") @JsonInclude(JsonInclude.Include.NON_NULL) String progress,
        @JsonProperty("status_reason") @JsonInclude(JsonInclude.Include.NON_NULL) String statusReason) {

    /**
     * Which of the optional keys a snapshot answer carries.
     *
     * @param minor    the request's microversion 3.{@code minor}, or -1 for the plain list (Cinder's summary)
     * @param extended show or list detail (the extended attributes apply)
     * @param event    event data: the extended attributes, whatever the version
     */
    public record Keys(int minor, boolean extended, boolean event) {
        public static final Keys SUMMARY = new Keys(-1, false, false);
        public static final Keys EVENT = new Keys(-1, false, true);

        static Keys written(int minor) {
            return new Keys(minor, false, false);
        }

        static Keys shown(int minor) {
            return new Keys(minor, true, false);
        }
    }

    /** {@code {"snapshot": {...}}}. */
    public record One(SnapshotView snapshot) {
    }

    /** {@code {"snapshots": [...]}} of a list, plain or detailed. */
    public record Many(List<SnapshotView> snapshots) {
    }

    public static SnapshotView of(Snapshot s, Keys keys) {
        boolean extensions = keys.extended() || keys.event();
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
                keys.minor() >= 14 || keys.event() ? Optional.ofNullable(s.groupSnapshotId == null ? null : s.groupSnapshotId.toString()) : null,
                keys.minor() >= 41 ? Optional.ofNullable(s.userId) : null,
                extensions ? s.projectId : null,
                extensions ? (s.progress != null ? s.progress : "available".equals(s.status) ? "100%" : "0%") : null,
                keys.event() && s.statusReason != null && s.status.startsWith("error") ? s.statusReason : null);
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
