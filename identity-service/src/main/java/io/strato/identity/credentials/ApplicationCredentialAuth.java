package io.strato.identity.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.changes.ChangeStamp;
import io.strato.identity.config.IdentityConfig;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.users.Passwords;
import io.strato.identity.users.User;
import io.strato.identity.users.UserRepository;
import io.strato.kit.faults.Unauthorized;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Checks an {@code application_credential} authentication: the credential named by id, or by name and
 * its user (by id, or by name in a domain given by id or name), unexpired, with the right secret. Every
 * failure is the same 401, and an unknown credential still costs a bcrypt check, so a caller learns
 * neither which part was wrong nor (by timing) whether the credential exists. Whether the user and its
 * domain are enabled is the token code's check.
 *
 * <p>A secret that matched is remembered with the hash it matched (by its SHA-256, never in clear), so the same
 * credential and secret authenticate again without another bcrypt check (~0.1-0.3 s of CPU here, the whole cost of
 * such a token otherwise). bcrypt's answer for a hash and a secret never changes, so this gives the same answers;
 * the credential itself is still looked up each time (by id: as loaded under the issue's {@link ChangeStamp}), so a
 * deleted or expired credential is refused at once. A wrong secret is bcrypt-checked every time.
 */
@ApplicationScoped
public class ApplicationCredentialAuth {
    static final String MESSAGE = "The request you have made requires authentication.";

    private final ApplicationCredentialRepository credentials;
    private final UserRepository users;
    private final DomainRepository domains;
    private final Passwords passwords;
    private final Vertx vertx;
    private final ChangeStamp loaded;
    /** Secrets that matched: (bcrypt hash, SHA-256 of the secret); null when the issue cache is off. */
    private final Cache<Matched, Boolean> matched;
    private volatile String decoyHash;

    private record Matched(String hash, byte[] secretDigest) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Matched m && hash.equals(m.hash) && MessageDigest.isEqual(secretDigest, m.secretDigest);
        }

        @Override
        public int hashCode() {
            return 31 * hash.hashCode() + Arrays.hashCode(secretDigest);
        }
    }

    private record CredentialKey(String id) {
    }

    public ApplicationCredentialAuth(ApplicationCredentialRepository credentials, UserRepository users,
                                     DomainRepository domains, Passwords passwords, Vertx vertx, ChangeStamp loaded,
                                     IdentityConfig config) {
        this.credentials = credentials;
        this.users = users;
        this.domains = domains;
        this.passwords = passwords;
        this.vertx = vertx;
        this.loaded = loaded;
        this.matched = !config.issueCache().enabled() ? null : Caffeine.newBuilder()
                .maximumSize(Math.max(1, config.issueCache().maximumSize()))
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    @WithSession
    public Uni<ApplicationCredential> authenticate(String id, String name, String userId, String userName,
                                                   String userDomainId, String userDomainName, String secret) {
        return authenticate(id, name, userId, userName, userDomainId, userDomainName, secret, ChangeStamp.NONE);
    }

    /** As above; a credential named by id is the one loaded under {@code stamp} ({@link ChangeStamp}). */
    @WithSession
    public Uni<ApplicationCredential> authenticate(String id, String name, String userId, String userName,
                                                   String userDomainId, String userDomainName, String secret,
                                                   long stamp) {
        Uni<ApplicationCredential> found;
        if (id != null) {
            found = loaded.get(stamp, new CredentialKey(id), () -> credentials.findById(id))
                    .map(c -> c != null && userId != null && !userId.equals(c.userId) ? null : c);
        } else if (name != null) {
            found = user(userId, userName, userDomainId, userDomainName)
                    .flatMap(u -> u == null ? Uni.createFrom().nullItem() : credentials.findByName(u.id, name));
        } else {
            found = Uni.createFrom().nullItem();
        }
        return found.flatMap(c -> {
            boolean usable = c != null && !c.isExpired(Instant.now());
            Matched key = usable && matched != null && secret != null ? new Matched(c.secretHash, sha256(secret)) : null;
            if (key != null && matched.getIfPresent(key) != null) {
                return Uni.createFrom().item(c);
            }
            return vertx.executeBlocking(Uni.createFrom().item(
                            () -> passwords.matches(secret, usable ? c.secretHash : decoy())))
                    .map(ok -> {
                        if (ok && key != null) {
                            matched.put(key, Boolean.TRUE);
                        }
                        if (!usable || !ok) {
                            throw new Unauthorized(MESSAGE);
                        }
                        return c;
                    });
        });
    }

    private Uni<User> user(String userId, String userName, String domainId, String domainName) {
        if (userId != null) {
            return users.findById(userId);
        }
        if (userName == null || (domainId == null && domainName == null)) {
            return Uni.createFrom().nullItem();
        }
        Uni<Domain> domain = domainId != null ? domains.findById(domainId) : domains.findByName(domainName);
        return domain.flatMap(d -> d == null ? Uni.createFrom().nullItem() : users.findByName(d.id, userName));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash no secret matches in practice, checked when there is no credential, to even out timing. */
    private String decoy() {
        String h = decoyHash;
        if (h == null) {
            h = passwords.hash(Secrets.generate());
            decoyHash = h;
        }
        return h;
    }
}
