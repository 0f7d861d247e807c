package io.strato.compute.clients;

import io.smallrye.mutiny.Uni;
import io.strato.kit.serviceauth.IssuedToken;
import io.strato.kit.serviceauth.ServiceCredentials;
import io.strato.kit.vertx.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * compute-service's own token (a password-authenticated, project-scoped token of the configured service
 * user), used by the saga to create and delete ports after the user's API call has returned. Cached until
 * shortly before it expires; concurrent callers share one issue request, and each of them goes on on its own
 * Vert.x context (where its own database session is).
 */
@ApplicationScoped
public class ServiceToken {
    private final KeystoneApi keystone;
    private final ServiceCredentials credentials;
    private final Duration renewBefore;
    private volatile IssuedToken current;
    private final AtomicReference<Uni<IssuedToken>> pending = new AtomicReference<>();

    ServiceToken(KeystoneApi keystone, ClientsConfig config) {
        this.keystone = keystone;
        this.credentials = ServiceCredentials.of(config.serviceAuth());
        this.renewBefore = config.serviceAuth().renewBefore();
    }

    /** A valid service token, issued when none is cached or the cached one is about to expire. */
    public Uni<String> get() {
        IssuedToken t = current;
        if (t != null && t.validFor(renewBefore)) {
            return Uni.createFrom().item(t.id());
        }
        Uni<IssuedToken> issuing = pending.get();
        if (issuing == null) {
            Uni<IssuedToken> fresh = issue()
                    .invoke(tok -> current = tok)
                    .eventually(() -> pending.set(null))
                    .memoize().indefinitely();
            issuing = pending.compareAndSet(null, fresh) ? fresh : pending.get();
            if (issuing == null) {
                issuing = fresh;
            }
        }
        // The shared request completes on the Vert.x context of the caller that started it. Every other caller
        // must go on on its own context: that is where its Hibernate Reactive session, and so its transaction,
        // lives. Resumed on the starter's context, a saga step wrote through another step's session, inside
        // another server's transaction, and both waited for each other's row locks for ever (seen when
        // compute-service restarted with several builds due at once, and possible at every token renewal).
        return issuing.map(IssuedToken::id).emitOn(CallerContext.capture());
    }

    /** Forgets a token another service refused (revoked, or identity restarted with new keys). */
    public void invalidate(String token) {
        IssuedToken t = current;
        if (t != null && t.id().equals(token)) {
            current = null;
        }
    }

    private Uni<IssuedToken> issue() {
        return Uni.createFrom().deferred(() -> keystone.issue(credentials.requestBody()))
                .onFailure().transform(e -> new RemoteFailure("identity", 0,
                        "identity is unavailable for compute-service's service token: " + e.getMessage()))
                .map(this::read);
    }

    private IssuedToken read(Response r) {
        try (r) {
            String subject = r.getHeaderString("X-Subject-Token");
            if (r.getStatus() != 201 || subject == null) {
                throw new RemoteFailure("identity", r.getStatus() == 201 ? 502 : r.getStatus(),
                        "identity refused compute-service's service credentials (HTTP " + r.getStatus() + ")");
            }
            return IssuedToken.read(subject, body(r));
        }
    }

    /** The answer's body, or null when there is none to read (then the token is kept ten minutes). */
    private static String body(Response r) {
        try {
            return r.readEntity(String.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
