package io.strato.image.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One property, object or tag definition of a namespace. The body is the definition as the API shows
 * it, without its name: a property's JSON schema, an object's description, properties and required
 * list, nothing for a tag.
 */
@Entity
@Table(name = "metadef_definition")
public class MetadefDefinition {
    @Id
    public UUID id;
    @Column(name = "namespace_id")
    public UUID namespaceId;
    /** property, object or tag: see {@link DefinitionKind}. */
    public String kind;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> body;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
