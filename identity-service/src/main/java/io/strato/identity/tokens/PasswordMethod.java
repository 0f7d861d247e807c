package io.strato.identity.tokens;

import io.smallrye.mutiny.Uni;
import io.strato.identity.users.Passwords;
import io.vertx.mutiny.core.Vertx;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code password} method: a user's name (or id) and password. */
@ApplicationScoped
@Startup // makes the decoy hash on the main thread at start-up, not on an event loop
public class PasswordMethod {

    private final UserLookup lookup;
    private final Passwords passwords;
    private final Vertx vertx;
    /** A hash of a random secret, checked when the user does not exist so that timing reveals nothing. */
    private final String decoy;

    public PasswordMethod(UserLookup lookup, Passwords passwords, Vertx vertx) {
        this.lookup = lookup;
        this.passwords = passwords;
        this.vertx = vertx;
        this.decoy = passwords.hash(java.util.UUID.randomUUID().toString());
    }

    public Uni<Principal> authenticate(AuthRequest r) {
        return lookup.enabledUser(r.passwordUser(), "password")
                .onFailure().call(() -> check(r.password(), decoy))
                .flatMap(p -> check(r.password(), p.user().passwordHash).map(ok -> {
                    if (!ok) {
                        throw AuthFailure.failed();
                    }
                    return p;
                }));
    }

    private Uni<Boolean> check(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> passwords.matches(password, hash)));
    }
}
