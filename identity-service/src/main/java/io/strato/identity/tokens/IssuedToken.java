package io.strato.identity.tokens;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a token says, in Keystone's terms. It is both what the signer writes into the JWS
 * claims and what validation reads back out of them, so the token body can be rebuilt without a
 * database query.
 */
public record IssuedToken(
        Ref user, Ref userDomain,
        Ref project, Ref projectDomain,
        Ref domain, boolean system,
        List<Ref> roles, List<String> methods, List<String> auditIds,
        Instant issuedAt, Instant expiresAt,
        String applicationCredentialId) {

    /** An id and a name. */
    @Schema(name = "TokenRef")
    public record Ref(String id, String name) {
    }

    public boolean unscoped() {
        return project == null && domain == null && !system;
    }
}
