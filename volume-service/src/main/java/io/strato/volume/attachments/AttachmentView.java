package io.strato.volume.attachments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Attachments in Cinder's JSON: the attachments API's summary and detail, and an attachment event (a volume lists
 * its own: VolumeView).
 */
public final class AttachmentView {
    private AttachmentView() {
    }

    /** Cinder's summary: id, status, instance, volume_id. */
    public record Summary(String id, String status, String instance, @JsonProperty("volume_id") String volumeId) {
    }

    /**
     * Cinder's detail: the summary with attach_mode, the times and the connection info handed out ({} before). A
     * deleted attachment is gone (Cinder's "deleted" rows are not listed), so none shown here is detached.
     */
    public record Detail(
            String id,
            String status,
            String instance,
            @JsonProperty("volume_id") String volumeId,
            @JsonProperty("attach_mode") String attachMode,
            @JsonProperty("attached_at") String attachedAt,
            @JsonProperty("detached_at") String detachedAt,
            @JsonProperty("connection_info") Map<String, Object> connectionInfo) {
    }

    /** An attachment event's data: the detail without the connection info, with the host, device and project. */
    public record Event(
            String id,
            String status,
            String instance,
            @JsonProperty("volume_id") String volumeId,
            @JsonProperty("attach_mode") String attachMode,
            @JsonProperty("attached_at") String attachedAt,
            @JsonProperty("detached_at") String detachedAt,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("host_name") String hostName,
            String device,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    /** {@code {"attachment": {...}}}. */
    public record One(Detail attachment) {
    }

    /** {@code {"attachments": [...]}} of a plain list, or of what a delete left. */
    public record Summaries(List<Summary> attachments) {
    }

    /** {@code {"attachments": [...]}} of a detailed list. */
    public record Details(List<Detail> attachments) {
    }

    public static Summary summary(Attachment a) {
        return new Summary(a.id.toString(), a.status, instance(a), a.volumeId.toString());
    }

    /** @param admin whether the caller is an admin: only admins see the host path in the connection info ({@link Connections#shownTo}) */
    public static Detail detail(Attachment a, boolean admin) {
        return new Detail(a.id.toString(), a.status, instance(a), a.volumeId.toString(), a.mode, time(a.attachTime),
                null, a.connectionInfo == null ? Map.of() : Connections.shownTo(a.connectionInfo, admin));
    }

    /** @param reason why the service itself deleted the attachment (its deadline passed), or null */
    public static Event event(Attachment a, String reason) {
        return new Event(a.id.toString(), a.status, instance(a), a.volumeId.toString(), a.mode, time(a.attachTime),
                null, a.projectId, a.attachedHost, a.mountpoint, reason);
    }

    private static String instance(Attachment a) {
        return a.instanceUuid == null ? null : a.instanceUuid.toString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
