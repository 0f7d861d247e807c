package io.strato.image.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A namespace applies to a resource type, its properties named with a prefix (hw_ for images...). */
@Entity
@Table(name = "metadef_resource_type_association")
public class MetadefAssociation {
    @Id
    public UUID id;
    @Column(name = "namespace_id")
    public UUID namespaceId;
    @Column(name = "resource_type")
    public String resourceType;
    public String prefix;
    @Column(name = "properties_target")
    public String propertiesTarget;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
