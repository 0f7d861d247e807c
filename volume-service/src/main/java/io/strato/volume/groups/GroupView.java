package io.strato.volume.groups;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A group in Cinder's JSON: the detail view (show, list detail) carries id, status, availability_zone, created_at,
 * name, description, group_type and volume_types; 3.14 adds group_snapshot_id and source_group_id; 3.25 the member
 * volumes' ids when the request says {@code list_volume=true}. Create and the plain list answer id and name.
 * A key typed {@code Optional} is left out when null and written as JSON null when empty.
 */
public record GroupView(
        String id,
        String status,
        @JsonProperty("availability_zone") String availabilityZone,
        @JsonProperty("created_at") String createdAt,
        String name,
        String description,
        @JsonProperty("group_type") String groupType,
        @JsonProperty("volume_types") List<String> volumeTypes,
        @JsonProperty("group_snapshot_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> groupSnapshotId,
        @JsonProperty("source_group_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> sourceGroupId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> volumes) {

    /** Cinder 3.13: groups. */
    static final int GROUPS = 13;
    /** Cinder 3.14: group snapshots, groups from a source, the source keys in the view. */
    static final int GROUP_SNAPSHOTS = 14;
    /** Cinder 3.19: group snapshot os-reset_status. */
    static final int GROUP_SNAPSHOT_RESET = 19;
    /** Cinder 3.20: group os-reset_status. */
    static final int GROUP_RESET = 20;
    /** Cinder 3.25: {@code list_volume} shows the member volumes. */
    static final int LIST_VOLUME = 25;

    /** A plain list's and a create's short form. */
    public record Brief(String id, String name) {
        static Brief of(VolumeGroup g) {
            return new Brief(g.id.toString(), g.name);
        }
    }

    /** {@code {"group": {...}}}. */
    public record One(GroupView group) {
    }

    /** {@code {"group": {"id", "name"}}}. */
    public record Created(Brief group) {
    }

    /** {@code {"groups": [...]}}. */
    public record Many(List<GroupView> groups) {
    }

    /** {@code {"groups": [{"id", "name"}]}}. */
    public record BriefMany(List<Brief> groups) {
    }

    /**
     * @param minor   the request's microversion 3.{@code minor}
     * @param members the group's volume ids when asked for (3.25 {@code list_volume}), else null
     */
    static GroupView of(VolumeGroup g, int minor, List<UUID> members) {
        boolean v314 = minor >= GROUP_SNAPSHOTS;
        return new GroupView(g.id.toString(), g.status, g.availabilityZone, time(g.createdAt), g.name, g.description,
                g.groupTypeId.toString(), g.volumeTypeIds.stream().map(UUID::toString).toList(),
                v314 ? Optional.ofNullable(text(g.groupSnapshotId)) : null,
                v314 ? Optional.ofNullable(text(g.sourceGroupId)) : null,
                members == null ? null : members.stream().map(UUID::toString).toList());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
