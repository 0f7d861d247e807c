package io.strato.volume.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A group snapshot in Cinder's JSON (show and list detail); create and the plain list answer less (below). */
public record GroupSnapshotView(
        String id,
        @JsonProperty("group_id") String groupId,
        @JsonProperty("group_type_id") String groupTypeId,
        String name,
        String description,
        String status,
        @JsonProperty("created_at") String createdAt) {

    /** {@code {"group_snapshot": {...}}}. */
    public record One(@JsonProperty("group_snapshot") GroupSnapshotView groupSnapshot) {
    }

    /** A create's answer: id, name, group_type_id. */
    public record Created(@JsonProperty("group_snapshot") CreatedBody groupSnapshot) {
    }

    public record CreatedBody(String id, String name, @JsonProperty("group_type_id") String groupTypeId) {
    }

    /** {@code {"group_snapshots": [...]}} of the detailed list. */
    public record Many(@JsonProperty("group_snapshots") List<GroupSnapshotView> groupSnapshots) {
    }

    /** {@code {"group_snapshots": [{"id", "name"}]}} of the plain list. */
    public record BriefMany(@JsonProperty("group_snapshots") List<Brief> groupSnapshots) {
    }

    public record Brief(String id, String name) {
    }

    static GroupSnapshotView of(GroupSnapshot s) {
        return new GroupSnapshotView(s.id.toString(), s.groupId.toString(), s.groupTypeId.toString(), s.name,
                s.description, s.status, s.createdAt == null ? null : s.createdAt.toString());
    }

    static Created created(GroupSnapshot s) {
        return new Created(new CreatedBody(s.id.toString(), s.name, s.groupTypeId.toString()));
    }

    static Brief brief(GroupSnapshot s) {
        return new Brief(s.id.toString(), s.name);
    }
}
