package io.strato.identity.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password and secret hashing with bcrypt (Keystone's default hasher). Bcrypt reads at most 72 bytes,
 * so longer secrets are refused rather than silently truncated.
 */
@ApplicationScoped
public class Passwords {
    /** bcrypt cost; Keystone's default is 12. */
    @ConfigProperty(name = "strato.identity.password-hash-rounds", defaultValue = "10")
    int rounds;

    public String hash(String secret) {
        check(secret);
        return BCrypt.withDefaults().hashToString(rounds, secret.toCharArray());
    }

    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            return false;
        }
        return BCrypt.verifyer().verify(secret.toCharArray(), hash).verified;
    }

    public static void check(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new InvalidInput("Invalid input for field 'password': it must not be empty.");
        }
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new InvalidInput("Invalid input for field 'password': it is longer than 72 bytes.");
        }
    }
}
