package io.strato.identity.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Keystone group of users; roles granted to a group reach each member. */
@Entity
@Table(name = "identity_group")
public class Group {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
