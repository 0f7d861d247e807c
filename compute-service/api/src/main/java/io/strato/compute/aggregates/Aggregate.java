package io.strato.compute.aggregates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A Nova host aggregate: a named group of compute hosts (rows of {@code aggregate_host}) with metadata. Its
 * availability zone is the metadata key {@code availability_zone}, as in Nova.
 */
@Entity
@Table(name = "aggregate")
public class Aggregate {
    public static final String ZONE = "availability_zone";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    public UUID uuid;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> metadata = new HashMap<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The zone the aggregate makes of its hosts, or null. */
    public String availabilityZone() {
        return metadata == null ? null : metadata.get(ZONE);
    }
}
