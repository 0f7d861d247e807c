package io.strato.identity.oauth1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An OAuth 1.0a consumer (Keystone's OS-OAUTH1): a third party that may ask users to delegate roles.
 * The secret is kept as it was issued, not hashed, as Keystone keeps it: OAuth1's HMAC-SHA1 signatures
 * are checked by recomputing them with the consumer's secret, so a hash could never verify one.
 */
@Entity
@Table(name = "oauth1_consumer")
public class Consumer {
    @Id
    public String id;
    public String description;
    public String secret;
}
