package io.strato.volume.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.volume.api.Link;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A volume in Cinder's JSON (also the data of volume events). The keys Cinder always writes are always here, null
 * or not; the others follow {@link VolumeKeys} (microversion, policy, call). A key typed {@code Optional} is left
 * out when null and written as JSON null when empty, as Cinder writes {@code "group_id": null} from 3.13 on.
 *
 * @param statusReason why the volume is in error: events only (Cinder's volume has no such key, and Tempest's schemas
 *                     refuse any key Cinder does not write; the API user reads the reason in {@code /messages})
 * @param bootable Cinder's string "true" or "false"
 * @param attachStatus Cinder keeps it internal: events only (detached, reserved, attaching, attached)
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
        @JsonProperty("volume_type_id") @JsonInclude(JsonInclude.Include.NON_NULL) String volumeTypeId,
        String bootable,
        boolean encrypted,
        boolean multiattach,
        Map<String, String> metadata,
        List<Attached> attachments,
        @JsonProperty("attach_status") @JsonInclude(JsonInclude.Include.NON_NULL) String attachStatus,
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("source_volid") String sourceVolid,
        @JsonProperty("user_id") String userId,
        @JsonProperty("os-vol-tenant-attr:tenant_id") @JsonInclude(JsonInclude.Include.NON_NULL) String tenantId,
        @JsonProperty("replication_status") String replicationStatus,
        @JsonProperty("consistencygroup_id") String consistencygroupId,
        @JsonProperty("migration_status") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> migrationStatus,
        @JsonProperty("group_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> groupId,
        @JsonProperty("provider_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> providerId,
        @JsonProperty("os-vol-host-attr:host") @JsonInclude(JsonInclude.Include.NON_NULL) String host,
        @JsonProperty("os-vol-mig-status-attr:migstat") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> migstat,
        @JsonProperty("os-vol-mig-status-attr:name_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> nameId,
        @JsonProperty("volume_image_metadata") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> volumeImageMetadata,
        @JsonProperty("status_reason") @JsonInclude(JsonInclude.Include.NON_NULL) String statusReason,
        List<Link> links) {

    /** Cinder 3.12: {@code GET /volumes/summary}. */
    public static final int SUMMARY = 12;
    /** Cinder 3.36: the summary lists each metadata key's values. */
    public static final int SUMMARY_METADATA = 36;

    /** {@code {"volume-summary": {"total_size", "total_count", "metadata"?}}}. */
    public record Summary(@JsonProperty("volume-summary") Body volumeSummary) {
        /** The summary's numbers; {@code metadata} left out below 3.36. */
        public record Body(@JsonProperty("total_size") long totalSize, @JsonProperty("total_count") long totalCount,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<String>> metadata) {
        }

        static Summary of(VolumeQueries.Summary s, boolean metadata) {
            return new Summary(new Body(s.size(), s.count(), metadata ? s.metadata() : null));
        }
    }

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
     * @param keys     which optional keys to write
     */
    public static VolumeView of(Volume v, String typeName, String baseUrl, VolumeKeys keys) {
        return of(v, typeName, baseUrl, keys, List.of());
    }

    /** As {@link #of(Volume, String, String, VolumeKeys)}, with the volume's {@code attachments}. */
    public static VolumeView of(Volume v, String typeName, String baseUrl, VolumeKeys keys,
                                List<AttachmentEntry> attachments) {
        boolean admin = keys.admin();
        boolean api = !keys.event();
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
                (keys.event() || keys.atLeast(63)) && v.volumeTypeId != null ? v.volumeTypeId.toString() : null,
                String.valueOf(v.bootable),
                false,
                false,
                metadata(v),
                attachments.stream().map(a -> Attached.of(a, admin)).toList(),
                keys.event() ? v.attachStatus : null,
                v.snapshotId == null ? null : v.snapshotId.toString(),
                v.sourceVolid == null ? null : v.sourceVolid.toString(),
                v.userId,
                keys.event() || keys.extended() ? v.projectId : null,
                "disabled",
                null,
                admin ? Optional.empty() : null,
                keys.event() || keys.atLeast(13) ? Optional.ofNullable(v.groupId == null ? null : v.groupId.toString()) : null,
                api && admin && keys.atLeast(21) ? Optional.empty() : null,
                admin && (keys.extended() || keys.event()) && v.backend != null && !v.backend.isEmpty()
                        ? "strato@" + v.backend + "#" + v.backend : null,
                admin && keys.extended() ? Optional.empty() : null,
                admin && keys.extended() ? Optional.empty() : null,
                keys.extended() || keys.event() ? imageMetadata(v) : null,
                keys.event() && v.statusReason != null && v.status.startsWith("error") ? v.statusReason : null,
                links(v, baseUrl));
    }

    /** Cinder's volume_image_metadata: the volume's glance metadata, or null when it has none. */
    static Map<String, String> imageMetadata(Volume v) {
        if (v.imageMetadata != null && !v.imageMetadata.isEmpty()) {
            return new TreeMap<>(v.imageMetadata);
        }
        return v.imageId == null ? null : Map.of("image_id", v.imageId.toString());
    }

    /** Admin metadata keys Cinder shows in a volume's metadata, over the owner's keys of the same name. */
    static final List<String> VISIBLE_ADMIN_METADATA = List.of("readonly", "attached_mode");

    private static Map<String, String> metadata(Volume v) {
        Map<String, String> shown = new TreeMap<>(v.metadata == null ? Map.of() : v.metadata);
        if (v.adminMetadata != null) {
            for (String key : VISIBLE_ADMIN_METADATA) {
                if (v.adminMetadata.containsKey(key)) {
                    shown.put(key, v.adminMetadata.get(key));
                }
            }
        }
        return shown;
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
