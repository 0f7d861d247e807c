package io.strato.identity.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
