package io.strato.kit.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokens this instance has verified, so that a token is verified (an ES256 signature, ~2.7 ms of CPU) once and
 * not on every request. Keyed by the token's SHA-256 ({@link TokenDigest}); bounded ({@code maximum-size}, least
 * used first out); an entry never outlives its token's {@code exp} (nor {@code max-age}), and a hit whose token
 * has expired is not served even if the entry is still there.
 *
 * <p>Revocations still bite on every request: a hit goes through {@link CallerAugmentor}'s revocation check as a
 * freshly verified token does. Every revocation added to the {@link RevocationList} also sweeps the entries it
 * covers out of the cache, in the background and coalesced (a burst of revocations costs a sweep or two, not one
 * each).
 */
@ApplicationScoped
public class VerifiedTokens {
    private final RevocationList revocations;
    private final InstantSource clock;
    private final Cache<TokenDigest, VerifiedToken> cache;
    private final AtomicBoolean sweepPending = new AtomicBoolean();

    @Inject
    VerifiedTokens(TokenCacheConfig config, RevocationList revocations) {
        this(config.enabled() ? config.maximumSize() : 0, config.maxAge(), revocations, InstantSource.system(),
                Ticker.systemTicker());
    }

    /** {@code maximumSize} 0: no cache, every look-up misses. */
    VerifiedTokens(long maximumSize, Duration maxAge, RevocationList revocations, InstantSource clock, Ticker ticker) {
        this.revocations = revocations;
        this.clock = clock;
        this.cache = maximumSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .recordStats()
                .ticker(ticker)
                .expireAfter(Expiry.creating((TokenDigest k, VerifiedToken v) -> lifetime(v, maxAge)))
                .build();
        revocations.onAdd(this::revocationAdded);
    }

    /** What verifying {@code token} gave, or null: never verified here, evicted, or expired since. */
    VerifiedToken find(String token) {
        if (cache == null) {
            return null;
        }
        VerifiedToken v = cache.getIfPresent(TokenDigest.of(token));
        return v != null && clock.instant().isBefore(v.caller().expiresAt()) ? v : null;
    }

    /** Keeps what quarkus-oidc made of {@code token} after verifying it, read as {@code caller}. */
    void remember(String token, SecurityIdentity verified, Caller caller) {
        if (cache != null && clock.instant().isBefore(caller.expiresAt())) {
            cache.put(TokenDigest.of(token), VerifiedToken.of(verified, caller));
        }
    }

    /** Drops {@code token}'s entry, if any. */
    void forget(String token) {
        if (cache != null) {
            cache.invalidate(TokenDigest.of(token));
        }
    }

    /** How many tokens are kept (approximately: expired entries may not be swept yet). */
    public long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** How many look-ups found their token since start (a hit is served only if its token has not expired since). */
    public long hitCount() {
        return cache == null ? 0 : cache.stats().hitCount();
    }

    /** Runs the cache's pending maintenance (evictions) now; for tests. */
    void cleanUp() {
        if (cache != null) {
            cache.cleanUp();
        }
    }

    private Duration lifetime(VerifiedToken v, Duration maxAge) {
        Duration left = Duration.between(clock.instant(), v.caller().expiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) > 0 ? maxAge : left;
    }

    private void revocationAdded(Revocation r) {
        if (cache != null && sweepPending.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::sweep);
        }
    }

    private void sweep() {
        // cleared before the scan: a revocation added during it schedules the next one
        sweepPending.set(false);
        cache.asMap().values().removeIf(v -> revocations.isRevoked(v.caller()));
    }
}
