package io.strato.volume.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Cinder generic volume group (3.13) of a project: volumes of the listed volume types that are snapshotted together.
 * Made from nothing, from another group ({@code sourceGroupId}) or from a group snapshot ({@code groupSnapshotId}).
 */
@Entity
@Table(name = "volume_group")
public class VolumeGroup {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "user_id")
    public String userId;
    public String name;
    public String description;
    public String status;
    @Column(name = "availability_zone")
    public String availabilityZone;
    @Column(name = "group_type_id")
    public UUID groupTypeId;
    @Convert(converter = UuidList.class)
    @Column(name = "volume_type_ids")
    public List<UUID> volumeTypeIds = new ArrayList<>();
    @Column(name = "group_snapshot_id")
    public UUID groupSnapshotId;
    @Column(name = "source_group_id")
    public UUID sourceGroupId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
