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
 * @param earlierMethods the methods that proved the user before (rescoping: the original token's), else empty
 */
public record Principal(User user, Domain userDomain, String method, Instant expiresAt, String auditChainId,
                        ApplicationCredential appCred, List<String> earlierMethods) {

    public Principal(User user, Domain userDomain, String method, Instant expiresAt, String auditChainId,
                     ApplicationCredential appCred) {
        this(user, userDomain, method, expiresAt, auditChainId, appCred, List.of());
    }

    /**
     * The new token's methods: each principal's, after the methods it carried over, as Keystone lists a rescoped
     * password token's methods as {@code ["password", "token"]}.
     */
    public static List<String> methodsOf(List<Principal> ps) {
        return ps.stream().flatMap(p -> java.util.stream.Stream.concat(p.earlierMethods().stream(),
                java.util.stream.Stream.of(p.method()))).distinct().toList();
    }
}
