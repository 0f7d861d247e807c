package io.strato.network.secgroups;

import io.strato.kit.data.columns.JsonListColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Type;

/** A Neutron security group. {@code isDefault} marks the project's {@code default} group (one per project). */
@Entity
@Table(name = "security_group")
public class SecurityGroup {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    public String name = "";
    public String description = "";
    @Column(name = "is_default")
    public boolean isDefault;
    public boolean stateful = true;
    @Type(JsonListColumn.Strings.class)
    public List<String> tags = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;
}
