package io.strato.volume.snapshots;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot in Cinder's JSON. */
public final class SnapshotView {
    private SnapshotView() {
    }

    public static Map<String, Object> of(Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id.toString());
        m.put("name", s.name);
        m.put("description", s.description);
        m.put("volume_id", s.volumeId.toString());
        m.put("size", s.size);
        m.put("status", s.status);
        m.put("created_at", s.createdAt == null ? null : s.createdAt.toString());
        m.put("updated_at", s.updatedAt == null ? null : s.updatedAt.toString());
        m.put("metadata", new TreeMap<>(s.metadata == null ? Map.of() : s.metadata));
        m.put("os-extended-snapshot-attributes:project_id", s.projectId);
        m.put("os-extended-snapshot-attributes:progress", "available".equals(s.status) ? "100%" : "0%");
        if (s.statusReason != null && s.status.startsWith("error")) {
            m.put("status_reason", s.statusReason);
        }
        return m;
    }
}
