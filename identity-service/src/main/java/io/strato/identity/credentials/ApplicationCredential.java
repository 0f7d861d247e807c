package io.strato.identity.credentials;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A user's application credential: a secret (hashed at rest) bound to one project and a subset of roles. */
@Entity
@Table(name = "application_credential")
public class ApplicationCredential {
    @Id
    public String id;
    public String name;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "project_id")
    public String projectId;
    public String description;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public boolean unrestricted;
    /** Comma-joined role ids (ids are hex). */
    @Column(name = "role_ids")
    public String roleIds = "";
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public List<String> roleIdList() {
        return roleIds == null || roleIds.isEmpty() ? List.of() : Arrays.asList(roleIds.split(","));
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
