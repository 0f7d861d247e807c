package io.strato.volume.qos;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jakarta.persistence.Column;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Cinder's QoS specs: IOPS and bytes-per-second limits, applied by a consumer (front-end: the hypervisor). */
@Entity
@Table(name = "qos_specs")
public class QosSpecs {
    @Id
    public UUID id;
    public String name;
    public String consumer;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> specs = new HashMap<>();
    @Column(name = "created_at")
    public Instant createdAt;
}
