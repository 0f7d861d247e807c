package io.strato.identity.tokens;

import io.smallrye.mutiny.Uni;
import io.strato.identity.credentials.ApplicationCredentialAuth;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code application_credential} method: the token is bound to the credential's project and roles. */
@ApplicationScoped
public class ApplicationCredentialMethod {
    private final ApplicationCredentialAuth credentials;
    private final UserLookup lookup;

    public ApplicationCredentialMethod(ApplicationCredentialAuth credentials, UserLookup lookup) {
        this.credentials = credentials;
        this.lookup = lookup;
    }

    /** {@code stamp}: the {@link io.strato.identity.changes.ChangeStamp} the issue read. */
    public Uni<Principal> authenticate(AuthRequest r, long stamp) {
        AuthRequest.AppCred ac = r.applicationCredential();
        AuthRequest.UserRef u = ac.user();
        return credentials.authenticate(ac.id(), ac.name(),
                        u == null ? null : u.id(), u == null ? null : u.name(),
                        u == null ? null : u.domainId(), u == null ? null : u.domainName(), ac.secret(), stamp)
                .flatMap(cred -> lookup.enabledById(cred.userId, stamp)
                        .map(p -> new Principal(p.user(), p.userDomain(), "application_credential",
                                cred.expiresAt, null, cred)));
    }
}
