package io.strato.volume.types;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Cinder's encryption specs of a volume type: the provider, cipher, key size and where encryption happens. */
@Entity
@Table(name = "volume_type_encryption")
public class EncryptionType {
    @Id
    public UUID id;
    @Column(name = "volume_type_id")
    public UUID volumeTypeId;
    public String provider;
    public String cipher;
    @Column(name = "key_size")
    public Integer keySize;
    @Column(name = "control_location")
    public String controlLocation;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
