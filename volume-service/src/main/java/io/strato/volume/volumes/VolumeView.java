package io.strato.volume.volumes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A volume in Cinder's JSON. */
public final class VolumeView {
    private VolumeView() {
    }

    /**
     * @param typeName the name of the volume's type (Cinder shows the name in {@code volume_type})
     * @param baseUrl  this service's public URL for links, or null
     * @param admin    whether to show the admin-only host attribute
     */
    public static Map<String, Object> of(Volume v, String typeName, String baseUrl, boolean admin) {
        return of(v, typeName, baseUrl, admin, List.of());
    }

    /** As {@link #of(Volume, String, String, boolean)}, with the volume's {@code attachments}. */
    public static Map<String, Object> of(Volume v, String typeName, String baseUrl, boolean admin,
                                         List<AttachmentEntry> attachments) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id.toString());
        m.put("name", v.name);
        m.put("description", v.description);
        m.put("size", v.size);
        m.put("status", v.status);
        m.put("availability_zone", v.availabilityZone);
        m.put("created_at", v.createdAt == null ? null : v.createdAt.toString());
        m.put("updated_at", v.updatedAt == null ? null : v.updatedAt.toString());
        m.put("volume_type", typeName);
        m.put("volume_type_id", v.volumeTypeId == null ? null : v.volumeTypeId.toString());
        m.put("bootable", String.valueOf(v.bootable));
        m.put("encrypted", false);
        m.put("multiattach", false);
        m.put("metadata", new TreeMap<>(v.metadata == null ? Map.of() : v.metadata));
        m.put("attachments", attachments(attachments, admin));
        // Cinder keeps attach_status internal; Strato shows it (detached, reserved, attaching, attached)
        m.put("attach_status", v.attachStatus);
        m.put("snapshot_id", v.snapshotId == null ? null : v.snapshotId.toString());
        m.put("source_volid", v.sourceVolid == null ? null : v.sourceVolid.toString());
        m.put("user_id", v.userId);
        m.put("os-vol-tenant-attr:tenant_id", v.projectId);
        m.put("replication_status", "disabled");
        m.put("consistencygroup_id", null);
        m.put("migration_status", null);
        if (admin) {
            m.put("os-vol-host-attr:host", "strato@" + v.backend + "#" + v.backend);
        }
        if (v.imageId != null) {
            m.put("volume_image_metadata", Map.of("image_id", v.imageId.toString()));
        }
        if (v.statusReason != null && v.status.startsWith("error")) {
            m.put("status_reason", v.statusReason);
        }
        m.put("links", links(v, baseUrl));
        return m;
    }

    /** A volume's {@code attachments} as Cinder shows them; the host to admins only (Cinder hides {@code host_name}). */
    private static List<Map<String, Object>> attachments(List<AttachmentEntry> attached, boolean admin) {
        return attached.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.volumeId().toString());
            m.put("attachment_id", a.id().toString());
            m.put("volume_id", a.volumeId().toString());
            m.put("server_id", a.serverId() == null ? null : a.serverId().toString());
            m.put("host_name", admin ? a.hostName() : null);
            m.put("device", a.device());
            m.put("attached_at", time(a.attachedAt()));
            return m;
        }).toList();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    /** The short form of a plain list: id, name, links. */
    public static Map<String, Object> brief(Volume v, String baseUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id.toString());
        m.put("name", v.name);
        m.put("links", links(v, baseUrl));
        return m;
    }

    private static List<Map<String, String>> links(Volume v, String baseUrl) {
        if (baseUrl == null) {
            return List.of();
        }
        String base = baseUrl.replaceAll("/+$", "");
        return List.of(Map.of("rel", "self", "href", base + "/v3/" + v.projectId + "/volumes/" + v.id),
                Map.of("rel", "bookmark", "href", base + "/" + v.projectId + "/volumes/" + v.id));
    }
}
