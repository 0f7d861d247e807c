package io.strato.identity.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A domain's specific configuration (Keystone's domain config API): group → option → value, as JSON. */
@Entity
@Table(name = "domain_config")
public class DomainConfig {
    @Id
    @Column(name = "domain_id")
    public String domainId;
    /** Replaced as a whole on every change, never edited in place. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Map<String, Object>> config;
}
