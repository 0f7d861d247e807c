package io.strato.compute.blockstorage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Cinder volume in Nova's os-volumes shape (volumes.py's {@code _translate_volume_summary_view}): the first
 * attachment only, as {@code {id: volume, volumeId, serverId, device}}, or {@code [{}]} when not attached;
 * {@code volumeType} is Cinder's type name.
 */
@Schema(name = "ComputeVolume")
public record VolumeView(
        @JsonProperty("id") String id,
        @JsonProperty("status") String status,
        @JsonProperty("size") long size,
        @JsonProperty("availabilityZone") String availabilityZone,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("attachments") List<Attachment> attachments,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("displayDescription") String displayDescription,
        @JsonProperty("volumeType") String volumeType,
        @JsonProperty("snapshotId") String snapshotId,
        @JsonProperty("metadata") Map<String, String> metadata) {

    /** An attachment as Nova shows it; every member absent when the volume is not attached. */
    @Schema(name = "ComputeVolumeAttachmentSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(
            @JsonProperty("id") String id,
            @JsonProperty("volumeId") String volumeId,
            @JsonProperty("serverId") String serverId,
            @JsonProperty("device") String device) {
    }

    static VolumeView of(JsonNode v) {
        String id = v.path("id").asText();
        JsonNode first = v.path("attachments").path(0);
        Attachment attachment = first.isObject()
                ? new Attachment(id, id, text(first, "server_id"), text(first, "device"))
                : new Attachment(null, null, null, null);
        Map<String, String> metadata = new LinkedHashMap<>();
        v.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new VolumeView(id, text(v, "status"), v.path("size").asLong(), text(v, "availability_zone"),
                text(v, "created_at"), List.of(attachment), text(v, "name"), text(v, "description"),
                text(v, "volume_type"), text(v, "snapshot_id"), metadata);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Schema(name = "ComputeVolumeOne")
    public record One(@JsonProperty("volume") VolumeView volume) {
    }

    @Schema(name = "ComputeVolumeMany")
    public record Many(@JsonProperty("volumes") List<VolumeView> volumes) {
    }
}
