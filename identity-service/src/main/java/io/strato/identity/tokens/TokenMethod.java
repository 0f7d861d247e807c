package io.strato.identity.tokens;

import io.smallrye.mutiny.Uni;
import io.strato.identity.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code token} method: an existing valid token buys a new one (typically with another scope).
 * The new token joins the old one's audit chain and cannot outlive it.
 */
@ApplicationScoped
public class TokenMethod {
    private final TokenValidator validator;
    private final UserLookup lookup;
    private final UserRepository users;

    public TokenMethod(TokenValidator validator, UserLookup lookup, UserRepository users) {
        this.validator = validator;
        this.lookup = lookup;
        this.users = users;
    }

    public Uni<Principal> authenticate(AuthRequest r) {
        IssuedToken old = validator.validate(r.token());
        if (old == null || old.applicationCredentialId() != null) {
            // Keystone does not let a token from an application credential buy another token.
            return Uni.createFrom().failure(AuthFailure.failed());
        }
        String chain = old.auditIds().size() > 1 ? old.auditIds().get(1) : old.auditIds().get(0);
        return users.findById(old.user().id()).flatMap(u -> lookup.byId(u, "token"))
                .map(p -> new Principal(p.user(), p.userDomain(), "token", old.expiresAt(), chain, null,
                        old.methods()));
    }
}
