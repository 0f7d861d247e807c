package io.strato.identity.tokens;

import io.strato.kit.auth.Caller;
import io.strato.kit.auth.RevocationList;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;

/** Checks a token string identity itself was handed (X-Subject-Token, the token method): signature, expiry, revocation. */
@ApplicationScoped
public class TokenValidator {
    private final TokenCodec codec;
    private final RevocationList revocations;

    public TokenValidator(TokenCodec codec, RevocationList revocations) {
        this.codec = codec;
        this.revocations = revocations;
    }

    /** The token's content, or null when it is not a valid, unrevoked token. */
    public IssuedToken validate(String token) {
        IssuedToken t = codec.verify(token);
        if (t == null || revocations.isRevoked(caller(t))) {
            return null;
        }
        return t;
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
