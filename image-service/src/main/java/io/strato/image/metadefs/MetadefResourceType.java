package io.strato.image.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A kind of resource metadata can describe (OS::Glance::Image, OS::Nova::Flavor...). */
@Entity
@Table(name = "metadef_resource_type")
public class MetadefResourceType {
    @Id
    public String name;
    @Column(name = "protected")
    public boolean isProtected;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
