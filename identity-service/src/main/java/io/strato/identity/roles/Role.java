package io.strato.identity.roles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A role; global when domainId is null. */
@Entity
@Table(name = "role")
public class Role {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
