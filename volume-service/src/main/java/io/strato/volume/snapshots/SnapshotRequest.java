package io.strato.volume.snapshots;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bodies of snapshot requests as bound (typed, so /q/openapi describes them). Fields stay {@link JsonNode} so the
 * checks keep Cinder's messages: a JSON null arrives as a NullNode, an absent field as null.
 */
public final class SnapshotRequest {
    private SnapshotRequest() {
    }

    /** {@code POST /snapshots}: {@code {"snapshot": {...}}}. */
    public record CreateBody(@JsonProperty("snapshot") CreateFields snapshot) {
    }

    /** The fields of a snapshot create Strato reads ({@code force}: a boolean as oslo reads one, for an in-use volume). */
    public record CreateFields(
            @JsonProperty("volume_id") JsonNode volumeId,
            @JsonProperty("force") JsonNode force,
            @JsonProperty("name") JsonNode name,
            @JsonProperty("display_name") JsonNode displayName,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("display_description") JsonNode displayDescription,
            @JsonProperty("metadata") JsonNode metadata) {
    }

    /** {@code PUT /snapshots/{id}}: {@code {"snapshot": {...}}}. */
    public record UpdateBody(@JsonProperty("snapshot") UpdateFields snapshot) {
    }

    /** What a snapshot update may change; a field given as null clears it, an absent one is left alone. */
    public record UpdateFields(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("display_name") JsonNode displayName,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("display_description") JsonNode displayDescription) {
    }

    /**
     * {@code POST /snapshots/{id}/action}: one of Cinder's snapshot actions, {@code os-reset_status} and
     * {@code os-force_delete} (admins) and {@code os-update_snapshot_status}; each stays {@link JsonNode} (a NullNode
     * when given as null, null when absent).
     */
    public record ActionBody(
            @JsonProperty("os-reset_status") JsonNode resetStatus,
            @JsonProperty("os-update_snapshot_status") JsonNode updateStatus,
            @JsonProperty("os-force_delete") JsonNode forceDelete) {
    }
}
