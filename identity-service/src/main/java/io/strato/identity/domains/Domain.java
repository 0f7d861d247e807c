package io.strato.identity.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Keystone domain: a namespace of projects, users, groups and (domain-specific) roles. */
@Entity
@Table(name = "domain")
public class Domain {
    public static final String DEFAULT_ID = "default";

    @Id
    public String id;
    public String name;
    public String description;
    public boolean enabled = true;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
