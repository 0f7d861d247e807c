package io.strato.identity.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.RevocationList;
import io.strato.kit.auth.TokenCacheConfig;
import io.strato.kit.auth.TokenDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;

/**
 * Checks a token string identity itself was handed (X-Subject-Token, the token method): signature, expiry, revocation.
 *
 * <p>A token whose signature was verified is kept, keyed by its SHA-256, so that the next check of the same token
 * (a client re-scoping it, a service validating it) skips the ES256 verification (~2.7 ms of CPU, a third of a
 * token issue's cost with method token). The rules are the services' verified-token cache's
 * ({@code strato.auth.token-cache.*}, service-kit README "Tokens"): bounded, never past the token's {@code exp} nor
 * {@code max-age} (a token signed with a key withdrawn since is verified again after it); the revocation check runs
 * on every call, hit or miss, so a revocation bites at once.
 */
@ApplicationScoped
public class TokenValidator {
    /** Longest token string looked at (as {@link TokenCodec#verify}). */
    private static final int MAX_TOKEN = 8192;

    private final TokenCodec codec;
    private final RevocationList revocations;
    private final InstantSource clock;
    private final Cache<TokenDigest, IssuedToken> verified;

    @Inject
    public TokenValidator(TokenCodec codec, RevocationList revocations, TokenCacheConfig cache) {
        this(codec, revocations, cache.enabled() ? cache.maximumSize() : 0, cache.maxAge(), InstantSource.system());
    }

    /** {@code maximumSize} 0: nothing kept, every call verifies. */
    TokenValidator(TokenCodec codec, RevocationList revocations, long maximumSize, Duration maxAge, InstantSource clock) {
        this.codec = codec;
        this.revocations = revocations;
        this.clock = clock;
        this.verified = maximumSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((TokenDigest k, IssuedToken t) -> lifetime(t, maxAge)))
                .build();
    }

    /** The token's content, or null when it is not a valid, unrevoked token. */
    public IssuedToken validate(String token) {
        IssuedToken t = verified(token);
        if (t == null || revocations.isRevoked(caller(t))) {
            return null;
        }
        return t;
    }

    /** The token's content if its signature, issuer and expiry hold (verified now or before), else null. */
    private IssuedToken verified(String token) {
        if (verified == null || token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return codec.verify(token);
        }
        TokenDigest key = TokenDigest.of(token);
        IssuedToken t = verified.getIfPresent(key);
        if (t != null) {
            return clock.instant().isBefore(t.expiresAt()) ? t : null;
        }
        t = codec.verify(token);
        if (t != null && clock.instant().isBefore(t.expiresAt())) {
            verified.put(key, t);
        }
        return t;
    }

    private Duration lifetime(IssuedToken t, Duration maxAge) {
        Duration left = Duration.between(clock.instant(), t.expiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) > 0 ? maxAge : left;
    }

    static Caller caller(IssuedToken t) {
        return new Caller(t.user().id(), t.user().name(), t.userDomain().id(),
                t.project() == null ? null : t.project().id(), t.project() == null ? null : t.project().name(),
                t.projectDomain() == null ? null : t.projectDomain().id(),
                t.domain() == null ? null : t.domain().id(), t.system(),
                new LinkedHashSet<>(t.roles().stream().map(IssuedToken.Ref::name).toList()),
                t.auditIds(), t.methods(), t.issuedAt(), t.expiresAt(), t.applicationCredentialId());
    }
}
