package io.strato.compute.keypairs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A user's key pair: named per user (not per project), as in Nova. */
@Entity
@Table(name = "keypair")
@IdClass(Keypair.Key.class)
public class Keypair {
    @Id
    @Column(name = "user_id")
    public String userId;
    @Id
    public String name;
    /** The project the key pair was created in (what os-quota-sets counts as its use). */
    @Column(name = "project_id")
    public String projectId;
    /** ssh or x509 (2.2). */
    public String type = "ssh";
    @Column(name = "public_key")
    public String publicKey;
    public String fingerprint;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Nova's integer id of the key pair, shown by keypair show; numbered by the database (V43). */
    @Column(name = "id", insertable = false, updatable = false)
    public Long number;

    public static class Key implements Serializable {
        public String userId;
        public String name;

        public Key() {
        }

        public Key(String userId, String name) {
            this.userId = userId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, name);
        }
    }
}
