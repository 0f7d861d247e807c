package io.strato.identity.tokens;

import io.smallrye.mutiny.Uni;
import io.strato.identity.credentials.ApplicationCredentialAuth;
import io.strato.identity.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code application_credential} method: the token is bound to the credential's project and roles. */
@ApplicationScoped
public class ApplicationCredentialMethod {
    private final ApplicationCredentialAuth credentials;
    private final UserLookup lookup;
    private final UserRepository users;

    public ApplicationCredentialMethod(ApplicationCredentialAuth credentials, UserLookup lookup, UserRepository users) {
        this.credentials = credentials;
        this.lookup = lookup;
        this.users = users;
    }

    public Uni<Principal> authenticate(AuthRequest r) {
        AuthRequest.AppCred ac = r.applicationCredential();
        AuthRequest.UserRef u = ac.user();
        return credentials.authenticate(ac.id(), ac.name(),
                        u == null ? null : u.id(), u == null ? null : u.name(),
                        u == null ? null : u.domainId(), u == null ? null : u.domainName(), ac.secret())
                .flatMap(cred -> users.findById(cred.userId).flatMap(user -> lookup.byId(user, "application_credential"))
                        .map(p -> new Principal(p.user(), p.userDomain(), "application_credential",
                                cred.expiresAt, null, cred)));
    }
}
