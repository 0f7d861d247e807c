package io.strato.volume.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.volume.api.Link;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A volume in Cinder's JSON (also the data of volume events). Every key is always there, null or not, but the
 * admin-only host, the image metadata of a volume made from an image and the reason of an error status, which
 * are absent when they do not apply, as Cinder leaves them out.
 *
 * @param bootable Cinder's string "true" or "false"
 * @param attachStatus Cinder keeps it internal; Strato shows it (detached, reserved, attaching, attached)
 */
public record VolumeView(
        String id,
        String name,
        String description,
        int size,
        String status,
        @JsonProperty("availability_zone") String availabilityZone,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("volume_type") String volumeType,
        @JsonProperty("volume_type_id") String volumeTypeId,
        String bootable,
        boolean encrypted,
        boolean multiattach,
        Map<String, String> metadata,
        List<Attached> attachments,
        @JsonProperty("attach_status") String attachStatus,
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("source_volid") String sourceVolid,
        @JsonProperty("user_id") String userId,
        @JsonProperty("os-vol-tenant-attr:tenant_id") String tenantId,
        @JsonProperty("replication_status") String replicationStatus,
        @JsonProperty("consistencygroup_id") String consistencygroupId,
        @JsonProperty("migration_status") String migrationStatus,
        @JsonProperty("os-vol-host-attr:host") @JsonInclude(JsonInclude.Include.NON_NULL) String host,
        @JsonProperty("volume_image_metadata") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> volumeImageMetadata,
        @JsonProperty("status_reason") @JsonInclude(JsonInclude.Include.NON_NULL) String statusReason,
        List<Link> links) {

    /** {@code {"volume": {...}}}. */
    public record One(VolumeView volume) {
    }

    /** {@code {"volumes": [...], "volumes_links": [...]}} of a detailed list; the links only when there is a next page. */
    public record Many(List<VolumeView> volumes,
                       @JsonProperty("volumes_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> volumesLinks) {
    }

    /** A plain list's short form of a volume: id, name, links. */
    public record Brief(String id, String name, List<Link> links) {
        public static Brief of(Volume v, String baseUrl) {
            return new Brief(v.id.toString(), v.name, VolumeView.links(v, baseUrl));
        }
    }

    /** {@code {"volumes": [...], "volumes_links": [...]}} of a plain list. */
    public record BriefMany(List<Brief> volumes,
                            @JsonProperty("volumes_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> volumesLinks) {
    }

    /** One of a volume's {@code attachments} as Cinder shows them; the host to admins only (null to others). */
    public record Attached(
            String id,
            @JsonProperty("attachment_id") String attachmentId,
            @JsonProperty("volume_id") String volumeId,
            @JsonProperty("server_id") String serverId,
            @JsonProperty("host_name") String hostName,
            String device,
            @JsonProperty("attached_at") String attachedAt) {

        static Attached of(AttachmentEntry a, boolean admin) {
            return new Attached(a.volumeId().toString(), a.id().toString(), a.volumeId().toString(),
                    a.serverId() == null ? null : a.serverId().toString(), admin ? a.hostName() : null, a.device(),
                    time(a.attachedAt()));
        }
    }

    /**
     * @param typeName the name of the volume's type (Cinder shows the name in {@code volume_type})
     * @param baseUrl  this service's public URL for links, or null
     * @param admin    whether to show the admin-only host attribute
     */
    public static VolumeView of(Volume v, String typeName, String baseUrl, boolean admin) {
        return of(v, typeName, baseUrl, admin, List.of());
    }

    /** As {@link #of(Volume, String, String, boolean)}, with the volume's {@code attachments}. */
    public static VolumeView of(Volume v, String typeName, String baseUrl, boolean admin,
                                List<AttachmentEntry> attachments) {
        return new VolumeView(
                v.id.toString(),
                v.name,
                v.description,
                v.size,
                v.status,
                v.availabilityZone,
                time(v.createdAt),
                time(v.updatedAt),
                typeName,
                v.volumeTypeId == null ? null : v.volumeTypeId.toString(),
                String.valueOf(v.bootable),
                false,
                false,
                new TreeMap<>(v.metadata == null ? Map.of() : v.metadata),
                attachments.stream().map(a -> Attached.of(a, admin)).toList(),
                v.attachStatus,
                v.snapshotId == null ? null : v.snapshotId.toString(),
                v.sourceVolid == null ? null : v.sourceVolid.toString(),
                v.userId,
                v.projectId,
                "disabled",
                null,
                null,
                admin ? "strato@" + v.backend + "#" + v.backend : null,
                v.imageId == null ? null : Map.of("image_id", v.imageId.toString()),
                v.statusReason != null && v.status.startsWith("error") ? v.statusReason : null,
                links(v, baseUrl));
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static List<Link> links(Volume v, String baseUrl) {
        if (baseUrl == null) {
            return List.of();
        }
        String base = baseUrl.replaceAll("/+$", "");
        return List.of(new Link("self", base + "/v3/" + v.projectId + "/volumes/" + v.id),
                new Link("bookmark", base + "/" + v.projectId + "/volumes/" + v.id));
    }
}
