package io.strato.volume.snapshots;

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

/** A point-in-time copy of a volume, kept in the volume's backend at {@code providerLocation}. */
@Entity
@Table(name = "snapshot")
public class Snapshot {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "volume_id")
    public UUID volumeId;
    public String name;
    public String description;
    public int size;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    /** Cinder's progress of the create, a percentage ("0%", "100%"). */
    public String progress;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> metadata = new HashMap<>();
    public String backend;
    /** The group snapshot this snapshot was taken for (3.14), or null. */
    @Column(name = "group_snapshot_id")
    public UUID groupSnapshotId;
    @Column(name = "provider_location")
    public String providerLocation;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
