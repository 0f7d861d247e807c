package io.strato.volume.transfers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An open offer of a volume to another project (Cinder's transfer). The auth key is never stored: only
 * {@code cryptHash}, the HMAC-SHA1 of the key under {@code salt}, as Cinder keeps it.
 */
@Entity
@Table(name = "volume_transfer")
public class VolumeTransfer {
    @Id
    public UUID id;
    @Column(name = "volume_id")
    public UUID volumeId;
    @Column(name = "display_name")
    public String name;
    public String salt;
    @Column(name = "crypt_hash")
    public String cryptHash;
    /** The project that offered the volume (the volume's owner when the offer was made). */
    @Column(name = "source_project_id")
    public String sourceProjectId;
    @Column(name = "created_at")
    public Instant createdAt;
}
