package io.strato.kit.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers a token request from {@link VerifiedTokens} before quarkus-oidc's provider is asked: Quarkus tries the
 * token providers by priority, and an empty answer passes the request on, so a token not in the cache is verified
 * by quarkus-oidc exactly as before. Either identity then goes through every {@code SecurityIdentityAugmentor},
 * {@link CallerAugmentor}'s revocation check among them.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** Ahead of quarkus-oidc's provider, which has IdentityProvider's default priority (1001); higher goes first. */
    static final int PRIORITY = 2000;

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        VerifiedToken hit = tokens.find(request.getToken().getToken());
        return Uni.createFrom().item(hit == null ? null : hit.identity(request.getToken(), request.getAttributes()));
    }
}
