package io.strato.kit.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * After quarkus-oidc has checked a token's signature and expiry against identity's JWKS, reads the
 * caller out of its claims, refuses it when a revocation covers it and keeps it in {@link VerifiedTokens}.
 * A token found there ({@link CachedTokenIdentityProvider}) comes here with its caller already read, and is
 * checked against the revocations all the same, on every request.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {
    public static final String CALLER_ATTRIBUTE = "strato.caller";

    @Inject
    RevocationList revocations;

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, java.util.Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         java.util.Map<String, Object> attributes) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        // from VerifiedTokens when the token was verified before, else read once from the claims just verified
        Caller cached = identity.getAttribute(CALLER_ATTRIBUTE);
        Caller caller = cached != null ? cached : CallerClaims.read(jwt);
        if (revocations.isRevoked(caller)) {
            if (cached != null) {
                verifiedTokens.forget(jwt.getRawToken());
            }
            return Uni.createFrom().failure(new AuthenticationFailedException("token has been revoked"));
        }
        if (cached == null) {
            verifiedTokens.remember(jwt.getRawToken(), identity, caller);
        }
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (request == null) {
            request = HttpSecurityUtils.getRoutingContextAttribute(identity);
        }
        if (request != null) {
            request.put(CALLER_ATTRIBUTE, caller);
        }
        if (io.vertx.core.Vertx.currentContext() != null && VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(CALLER_ATTRIBUTE, caller);
        }
        if (cached != null) {
            return Uni.createFrom().item(identity); // VerifiedToken.identity gave it the caller's roles already
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRoles(caller.roles())
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .build());
    }
}
