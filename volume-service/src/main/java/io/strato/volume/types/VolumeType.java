package io.strato.volume.types;

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

/** A Cinder volume type: a tier users pick by name; its extra specs choose the backend and describe the tier. */
@Entity
@Table(name = "volume_type")
public class VolumeType {
    /** Cinder's type of volumes created without one. */
    public static final String DEFAULT_NAME = "__DEFAULT__";
    /** The extra spec naming the backend that stores the type's volumes. */
    public static final String BACKEND_SPEC = "volume_backend_name";

    @Id
    public UUID id;
    public String name;
    public String description;
    @Column(name = "is_public")
    public boolean isPublic = true;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "extra_specs")
    public Map<String, String> extraSpecs = new HashMap<>();
    /** The QoS specs associated with the type, or null. */
    @Column(name = "qos_specs_id")
    public UUID qosSpecsId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
