package io.strato.identity.revocations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The durable copy of a revocation fact (see io.strato.kit.auth.Revocation). */
@Entity
@Table(name = "revocation_event")
public class RevocationEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "audit_id")
    public String auditId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "domain_id")
    public String domainId;
    @Column(name = "application_credential_id")
    public String applicationCredentialId;
    @Column(name = "issued_before")
    public Instant issuedBefore;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
