package io.strato.volume.groups;

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

/** A Cinder group type (3.11): what kind of group a generic volume group is; its group specs describe it. */
@Entity
@Table(name = "group_type")
public class GroupType {
    @Id
    public UUID id;
    public String name;
    public String description;
    @Column(name = "is_public")
    public boolean isPublic = true;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "group_specs")
    public Map<String, String> groupSpecs = new HashMap<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
