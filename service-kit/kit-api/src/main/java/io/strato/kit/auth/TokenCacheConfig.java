package io.strato.kit.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The verified-token cache ({@link VerifiedTokens}): how many tokens it keeps and for how long at most. */
@ConfigMapping(prefix = "strato.auth.token-cache")
public interface TokenCacheConfig {

    /** Off: every request's token is verified (ES256) again. Env: {@code STRATO_AUTH_TOKEN_CACHE_ENABLED}. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Most tokens kept; the least used go first. An entry is a few kilobytes (the token's claims and the
     * caller read from them). Env: {@code STRATO_AUTH_TOKEN_CACHE_MAXIMUM_SIZE}.
     */
    @WithDefault("10000")
    long maximumSize();

    /**
     * Longest time an entry is kept, however far its token's {@code exp} is: a token signed with a key identity
     * has since withdrawn from its JWKS is verified again after this. Never past {@code exp} in any case.
     * Env: {@code STRATO_AUTH_TOKEN_CACHE_MAX_AGE}.
     */
    @WithDefault("10m")
    Duration maxAge();
}
