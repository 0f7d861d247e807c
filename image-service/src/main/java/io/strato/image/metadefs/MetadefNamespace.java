package io.strato.image.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A metadata definition namespace: a named, owned catalog of property, object and tag definitions. */
@Entity
@Table(name = "metadef_namespace")
public class MetadefNamespace {
    @Id
    public UUID id;
    /** The unique name the API addresses it by (it may be renamed). */
    public String namespace;
    @Column(name = "display_name")
    public String displayName;
    public String description;
    /** public or private. */
    public String visibility;
    @Column(name = "protected")
    public boolean isProtected;
    public String owner;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
