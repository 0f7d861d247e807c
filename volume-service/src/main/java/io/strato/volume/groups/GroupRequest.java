package io.strato.volume.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.volumes.VolumeRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Bodies of group and group snapshot requests as bound; fields stay {@link JsonNode} for Cinder's messages. */
public final class GroupRequest {
    private GroupRequest() {
    }

    /** {@code POST /groups} and {@code PUT /groups/{id}}: {@code {"group": {...}}}. */
    public record Body(@JsonProperty("group") Fields group) {
    }

    /** A create takes name, description, group_type, volume_types, availability_zone; an update name, description, add/remove_volumes. */
    public record Fields(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("group_type") JsonNode groupType,
            @JsonProperty("volume_types") JsonNode volumeTypes,
            @JsonProperty("availability_zone") JsonNode availabilityZone,
            @JsonProperty("add_volumes") JsonNode addVolumes,
            @JsonProperty("remove_volumes") JsonNode removeVolumes) {
    }

    /** {@code POST /groups/action}: {@code {"create-from-src": {...}}}. */
    public record SourceBody(@JsonProperty("create-from-src") SourceFields createFromSrc) {
    }

    /** A group made from a group snapshot or from another group (exactly one of the two). */
    public record SourceFields(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("group_snapshot_id") JsonNode groupSnapshotId,
            @JsonProperty("source_group_id") JsonNode sourceGroupId) {
    }

    /** {@code POST /groups/{id}/action}: {@code {"delete": {"delete-volumes": bool}}} or {@code {"reset_status": {...}}}. */
    public record ActionBody(@JsonProperty("delete") DeleteFields delete,
                             @JsonProperty("reset_status") StatusFields resetStatus) {
    }

    public record DeleteFields(@JsonProperty("delete-volumes") JsonNode deleteVolumes) {
    }

    public record StatusFields(@JsonProperty("status") JsonNode status) {
    }

    /** {@code POST /group_snapshots}: {@code {"group_snapshot": {"group_id", "name", "description"}}}. */
    public record SnapshotBody(@JsonProperty("group_snapshot") SnapshotFields groupSnapshot) {
    }

    public record SnapshotFields(
            @JsonProperty("group_id") JsonNode groupId,
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description) {
    }

    /** {@code POST /group_snapshots/{id}/action}: {@code {"reset_status": {"status": ...}}}. */
    public record SnapshotActionBody(@JsonProperty("reset_status") StatusFields resetStatus) {
    }

    /**
     * Cinder's volume list of a group update: a string of ids separated by commas (Strato also takes a JSON array);
     * empty for null or "".
     */
    static List<UUID> volumeIds(JsonNode n, String field) {
        Set<UUID> out = new LinkedHashSet<>();
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        if (n.isTextual()) {
            for (String w : n.asText().split(",")) {
                if (!w.isBlank()) {
                    words.add(w.trim());
                }
            }
        } else if (n.isArray()) {
            n.forEach(e -> words.add(e.asText()));
        } else {
            throw new InvalidInput("Invalid input for field/attribute " + field + ": a string of volume ids separated by commas.");
        }
        for (String w : words) {
            out.add(VolumeRequest.uuid(com.fasterxml.jackson.databind.node.TextNode.valueOf(w), field));
        }
        return List.copyOf(out);
    }

    /** A required id or name (group type, volume type): a non-empty string. */
    static String required(JsonNode n, String field) {
        if (n == null || n.isNull() || !n.isTextual() || n.asText().isBlank()) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ": it is required.");
        }
        return n.asText();
    }
}
