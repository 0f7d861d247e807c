package io.strato.identity.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An ES256 key pair as JWK JSON. The newest key without retire_at signs; all unretired keys verify. */
@Entity
@Table(name = "signing_key")
public class SigningKey {
    @Id
    public String kid;
    @Column(name = "private_jwk")
    public String privateJwk;
    @Column(name = "public_jwk")
    public String publicJwk;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "retire_at")
    public Instant retireAt;
}
