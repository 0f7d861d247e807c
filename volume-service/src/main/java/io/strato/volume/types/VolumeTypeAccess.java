package io.strato.volume.types;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project allowed to use a private volume type (Cinder's volume_type_projects row). */
@Entity
@Table(name = "volume_type_project")
public class VolumeTypeAccess {
    @Id
    public UUID id;
    @Column(name = "volume_type_id")
    public UUID volumeTypeId;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "created_at")
    public Instant createdAt;
}
