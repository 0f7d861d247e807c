package io.strato.identity.credentials;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.users.Passwords;
import io.strato.identity.users.User;
import io.strato.identity.users.UserRepository;
import io.strato.kit.faults.Unauthorized;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Checks an {@code application_credential} authentication: the credential named by id, or by name and
 * its user (by id, or by name in a domain given by id or name), unexpired, with the right secret. Every
 * failure is the same 401, and an unknown credential still costs a bcrypt check, so a caller learns
 * neither which part was wrong nor (by timing) whether the credential exists. Whether the user and its
 * domain are enabled is the token code's check.
 */
@ApplicationScoped
public class ApplicationCredentialAuth {
    static final String MESSAGE = "The request you have made requires authentication.";

    private final ApplicationCredentialRepository credentials;
    private final UserRepository users;
    private final DomainRepository domains;
    private final Passwords passwords;
    private final Vertx vertx;
    private volatile String decoyHash;

    public ApplicationCredentialAuth(ApplicationCredentialRepository credentials, UserRepository users,
                                     DomainRepository domains, Passwords passwords, Vertx vertx) {
        this.credentials = credentials;
        this.users = users;
        this.domains = domains;
        this.passwords = passwords;
        this.vertx = vertx;
    }

    @WithSession
    public Uni<ApplicationCredential> authenticate(String id, String name, String userId, String userName,
                                                   String userDomainId, String userDomainName, String secret) {
        Uni<ApplicationCredential> found;
        if (id != null) {
            found = credentials.findById(id).map(c -> c != null && userId != null && !userId.equals(c.userId) ? null : c);
        } else if (name != null) {
            found = user(userId, userName, userDomainId, userDomainName)
                    .flatMap(u -> u == null ? Uni.createFrom().nullItem() : credentials.findByName(u.id, name));
        } else {
            found = Uni.createFrom().nullItem();
        }
        return found.flatMap(c -> {
            boolean usable = c != null && !c.isExpired(Instant.now());
            return vertx.executeBlocking(Uni.createFrom().item(
                            () -> passwords.matches(secret, usable ? c.secretHash : decoy())))
                    .map(ok -> {
                        if (!usable || !ok) {
                            throw new Unauthorized(MESSAGE);
                        }
                        return c;
                    });
        });
    }

    private Uni<User> user(String userId, String userName, String domainId, String domainName) {
        if (userId != null) {
            return users.findById(userId);
        }
        if (userName == null || (domainId == null && domainName == null)) {
            return Uni.createFrom().nullItem();
        }
        Uni<Domain> domain = domainId != null ? domains.findById(domainId) : domains.findByName(domainName);
        return domain.flatMap(d -> d == null ? Uni.createFrom().nullItem() : users.findByName(d.id, userName));
    }

    /** A hash no secret matches in practice, checked when there is no credential, to even out timing. */
    private String decoy() {
        String h = decoyHash;
        if (h == null) {
            h = passwords.hash(Secrets.generate());
            decoyHash = h;
        }
        return h;
    }
}
