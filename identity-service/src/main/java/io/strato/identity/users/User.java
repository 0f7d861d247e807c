package io.strato.identity.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Keystone user with a local (bcrypt-hashed) password. */
@Entity
@Table(name = "identity_user")
public class User {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    public boolean enabled = true;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;
    @Column(name = "default_project_id")
    public String defaultProjectId;
    public String description;
    public String email;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    /** Attributes outside Keystone's user schema, kept and shown back as Keystone's {@code extra}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> extra;

    /** Sets or replaces the given extra attributes, leaving the others. */
    public void mergeExtra(Map<String, Object> more) {
        if (more == null || more.isEmpty()) {
            return;
        }
        Map<String, Object> merged = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
        merged.putAll(more);
        extra = merged;
    }
}
