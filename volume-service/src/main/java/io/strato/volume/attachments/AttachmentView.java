package io.strato.volume.attachments;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Attachments in Cinder's JSON: the attachments API's summary and detail, and an attachment event (a volume lists its own: VolumeView). */
public final class AttachmentView {
    private AttachmentView() {
    }

    /** Cinder's summary: id, status, instance, volume_id. */
    public static Map<String, Object> summary(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id.toString());
        m.put("status", a.status);
        m.put("instance", a.instanceUuid == null ? null : a.instanceUuid.toString());
        m.put("volume_id", a.volumeId.toString());
        return m;
    }

    /** Cinder's detail: the summary with attach_mode, the times and the connection info handed out ({} before). */
    public static Map<String, Object> detail(Attachment a) {
        Map<String, Object> m = summary(a);
        m.put("attach_mode", a.mode);
        m.put("attached_at", time(a.attachTime));
        // a deleted attachment is gone (Cinder's "deleted" rows are not listed), so none shown here is detached
        m.put("detached_at", null);
        m.put("connection_info", a.connectionInfo == null ? Map.of() : a.connectionInfo);
        return m;
    }

    /** An attachment event's data: the detail without the connection info, with the host, device and project. */
    public static Map<String, Object> event(Attachment a, String reason) {
        Map<String, Object> m = detail(a);
        m.remove("connection_info");
        m.put("project_id", a.projectId);
        m.put("host_name", a.attachedHost);
        m.put("device", a.mountpoint);
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
