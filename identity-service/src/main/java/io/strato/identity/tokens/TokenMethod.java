package io.strato.identity.tokens;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code token} method: an existing valid token buys a new one (typically with another scope).
 * The new token joins the old one's audit chain and cannot outlive it.
 */
@ApplicationScoped
public class TokenMethod {
    private final TokenValidator validator;
    private final UserLookup lookup;

    public TokenMethod(TokenValidator validator, UserLookup lookup) {
        this.validator = validator;
        this.lookup = lookup;
    }

    /** {@code stamp}: the {@link io.strato.identity.changes.ChangeStamp} the issue read. */
    public Uni<Principal> authenticate(AuthRequest r, long stamp) {
        IssuedToken old = validator.validate(r.token());
        if (old == null || old.applicationCredentialId() != null) {
            // Keystone does not let a token from an application credential buy another token.
            return Uni.createFrom().failure(AuthFailure.failed());
        }
        String chain = old.auditIds().size() > 1 ? old.auditIds().get(1) : old.auditIds().get(0);
        return lookup.enabledById(old.user().id(), stamp)
                .map(p -> new Principal(p.user(), p.userDomain(), "token", old.expiresAt(), chain, null,
                        old.methods()));
    }
}
