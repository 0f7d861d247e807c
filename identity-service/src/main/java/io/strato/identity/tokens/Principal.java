package io.strato.identity.tokens;

import io.strato.identity.credentials.ApplicationCredential;
import io.strato.identity.domains.Domain;
import io.strato.identity.users.User;
import java.time.Instant;
import java.util.List;

/**
 * Who an authentication request proved to be.
 *
 * @param user          the authenticated user (enabled, in an enabled domain)
 * @param userDomain    the user's domain
 * @param method        the method that proved it
 * @param expiresAt     an expiry the new token may not outlive (rescoping keeps the original's), or null
 * @param auditChainId  the audit id of the chain the new token joins (rescoping), or null for a new chain
 * @param appCred       the application credential used, or null
 */
public record Principal(User user, Domain userDomain, String method, Instant expiresAt, String auditChainId,
                        ApplicationCredential appCred) {

    public static List<String> methodsOf(List<Principal> ps) {
        return ps.stream().map(Principal::method).distinct().toList();
    }
}
