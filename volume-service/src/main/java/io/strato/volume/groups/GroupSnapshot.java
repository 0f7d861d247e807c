package io.strato.volume.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A Cinder group snapshot (3.14): one snapshot of each volume of a group, taken together. */
@Entity
@Table(name = "group_snapshot")
public class GroupSnapshot {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "group_id")
    public UUID groupId;
    @Column(name = "group_type_id")
    public UUID groupTypeId;
    public String name;
    public String description;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
