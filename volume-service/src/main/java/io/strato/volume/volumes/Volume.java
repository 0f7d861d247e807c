package io.strato.volume.volumes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Cinder volume of a project; its bytes live in backend {@code backend} at {@code providerLocation}. */
@Entity
@Table(name = "volume")
public class Volume {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "user_id")
    public String userId;
    public String name;
    public String description;
    public int size;
    /** While an extend runs, the size it grows to (counted against the quota until it ends); else null. */
    @Column(name = "extending_to")
    public Integer extendingTo;
    public String status;
    /** Cinder's attach_status: detached, reserved, attaching or attached (follows the volume's attachments). */
    @Column(name = "attach_status")
    public String attachStatus = "detached";
    /** Why the volume is in error, for operators and the user. */
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "volume_type_id")
    public UUID volumeTypeId;
    @Column(name = "availability_zone")
    public String availabilityZone;
    public boolean bootable;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> metadata = new HashMap<>();
    /** Cinder's admin metadata: set by the service or an admin, never by the owner ({@code readonly}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "admin_metadata")
    public Map<String, String> adminMetadata = new HashMap<>();
    @Column(name = "snapshot_id")
    public UUID snapshotId;
    @Column(name = "source_volid")
    public UUID sourceVolid;
    /** The generic volume group the volume belongs to (3.13), or null. */
    @Column(name = "group_id")
    public UUID groupId;
    @Column(name = "image_id")
    public UUID imageId;
    /** Cinder's volume_glance_metadata: what the volume keeps of its image (shown as volume_image_metadata). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "image_metadata")
    public Map<String, String> imageMetadata = new HashMap<>();
    public String backend;
    @Column(name = "provider_location")
    public String providerLocation;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
