package io.strato.compute.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * compute-service's own token (a password-authenticated, project-scoped token of the configured service
 * user), used by the saga to create and delete ports after the user's API call has returned. Cached until
 * shortly before it expires; concurrent callers share one issue request, and each of them goes on on its own
 * Vert.x context (where its own database session is).
 */
@ApplicationScoped
public class ServiceToken {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeystoneApi keystone;
    private final ClientsConfig.ServiceAuth auth;
    private volatile Token current;
    private final AtomicReference<Uni<Token>> pending = new AtomicReference<>();

    private record Token(String id, Instant expiresAt) {
    }

    ServiceToken(KeystoneApi keystone, ClientsConfig config) {
        this.keystone = keystone;
        this.auth = config.serviceAuth();
    }

    /** A valid service token, issued when none is cached or the cached one is about to expire. */
    public Uni<String> get() {
        Token t = current;
        if (t != null && t.expiresAt().isAfter(Instant.now().plus(auth.renewBefore()))) {
            return Uni.createFrom().item(t.id());
        }
        Uni<Token> issuing = pending.get();
        if (issuing == null) {
            Uni<Token> fresh = issue()
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
        Uni<String> shared = issuing.map(Token::id);
        Context caller = Vertx.currentContext();
        return caller == null ? shared : shared.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** Forgets a token another service refused (revoked, or identity restarted with new keys). */
    public void invalidate(String token) {
        Token t = current;
        if (t != null && t.id().equals(token)) {
            current = null;
        }
    }

    private Uni<Token> issue() {
        return Uni.createFrom().deferred(() -> keystone.issue(body()))
                .onFailure().transform(e -> new RemoteFailure("identity", 0,
                        "identity is unavailable for compute-service's service token: " + e.getMessage()))
                .map(this::read);
    }

    private Token read(Response r) {
        try (r) {
            String subject = r.getHeaderString("X-Subject-Token");
            if (r.getStatus() != 201 || subject == null) {
                throw new RemoteFailure("identity", r.getStatus() == 201 ? 502 : r.getStatus(),
                        "identity refused compute-service's service credentials (HTTP " + r.getStatus() + ")");
            }
            Instant expires = Instant.now().plusSeconds(600);
            try {
                String text = r.readEntity(String.class);
                String at = MAPPER.readTree(text).path("token").path("expires_at").asText(null);
                if (at != null) {
                    expires = OffsetDateTime.parse(at).toInstant();
                }
            } catch (Exception e) {
                // no readable expiry: keep the token ten minutes
            }
            return new Token(subject, expires);
        }
    }

    private String body() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode a = root.putObject("auth");
        ObjectNode identity = a.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", auth.username());
        user.putObject("domain").put("name", auth.userDomain());
        user.put("password", auth.password().orElse(""));
        ObjectNode project = a.putObject("scope").putObject("project");
        project.put("name", auth.project());
        project.putObject("domain").put("name", auth.projectDomain());
        return root.toString();
    }
}
