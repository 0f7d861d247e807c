package io.strato.volume.services;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What an admin set on one of Cinder's services (os-services): disabled with a reason, frozen. */
@Entity
@Table(name = "volume_service")
public class ServiceState {
    @Id
    public UUID id;
    public String host;
    @Column(name = "binary_name")
    public String binary;
    public boolean disabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    public boolean frozen;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
