package io.strato.identity.revocations;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.strato.identity.config.IdentityConfig;
import io.strato.kit.auth.Revocation;
import io.strato.kit.auth.RevocationList;
import io.strato.kit.auth.RevocationListener;
import io.strato.kit.data.outbox.Outbox;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records revocation facts: a durable row, an event through the outbox (every service's
 * RevocationListener picks it up), and this instance's own list at once, so the very next request
 * here is refused even before the event has gone round.
 */
@ApplicationScoped
public class RevocationService {
    private static final Logger LOG = Logger.getLogger(RevocationService.class);

    private final Outbox outbox;
    private final RevocationList list;
    private final IdentityConfig config;

    public RevocationService(Outbox outbox, RevocationList list, IdentityConfig config) {
        this.outbox = outbox;
        this.list = list;
        this.config = config;
    }

    public Uni<Void> revokeToken(String auditId, Instant expiresAt) {
        return record(new Revocation(auditId, null, null, null, null, Instant.now(), expiresAt));
    }

    public Uni<Void> revokeUser(String userId) {
        return record(fact(userId, null, null, null));
    }

    public Uni<Void> revokeUserOnProject(String userId, String projectId) {
        return record(fact(userId, projectId, null, null));
    }

    public Uni<Void> revokeProject(String projectId) {
        return record(fact(null, projectId, null, null));
    }

    public Uni<Void> revokeDomain(String domainId) {
        return record(fact(null, null, domainId, null));
    }

    public Uni<Void> revokeApplicationCredential(String id) {
        return record(fact(null, null, null, id));
    }

    private Revocation fact(String userId, String projectId, String domainId, String appCredId) {
        Instant now = Instant.now();
        return new Revocation(null, userId, projectId, domainId, appCredId, now, now.plus(config.tokenLifetime()));
    }

    /** Must run inside the caller's transaction: the row and the event commit with the change. */
    Uni<Void> record(Revocation r) {
        RevocationEvent e = new RevocationEvent();
        e.auditId = r.auditId();
        e.userId = r.userId();
        e.projectId = r.projectId();
        e.domainId = r.domainId();
        e.applicationCredentialId = r.applicationCredentialId();
        e.issuedBefore = r.issuedBefore();
        e.expiresAt = r.expiresAt() != null ? r.expiresAt() : r.issuedBefore().plus(config.tokenLifetime());
        // Applied locally before commit on purpose: a rolled-back revocation can only make this
        // instance refuse a token too early (fail safe), never accept a revoked one.
        list.add(r);
        return Panache.getSession().flatMap(s -> s.persist(e))
                .call(() -> outbox.add(RevocationListener.TOPIC, RevocationListener.TYPE,
                        subject(r), toData(r, e.expiresAt)));
    }

    private static String subject(Revocation r) {
        for (String s : new String[]{r.auditId(), r.userId(), r.projectId(), r.domainId(), r.applicationCredentialId()}) {
            if (s != null) {
                return s;
            }
        }
        return "unknown";
    }

    private static Map<String, Object> toData(Revocation r, Instant expiresAt) {
        Map<String, Object> d = new HashMap<>();
        d.put("audit_id", r.auditId());
        d.put("user_id", r.userId());
        d.put("project_id", r.projectId());
        d.put("domain_id", r.domainId());
        d.put("application_credential_id", r.applicationCredentialId());
        d.put("issued_before", r.issuedBefore().toString());
        d.put("expires_at", expiresAt.toString());
        return d;
    }

    /** Loads the unexpired facts at start-up, so revocations hold even while Kafka is unreachable. */
    void load(@Observes StartupEvent ev) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(this::loadUnexpired));
        } catch (Throwable t) {
            LOG.warn("could not load revocation events at start-up", t);
        }
    }

    Uni<Void> loadUnexpired() {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "from RevocationEvent where expiresAt > ?1", RevocationEvent.class)
                        .setParameter(1, Instant.now()).getResultList())
                .invoke((List<RevocationEvent> rows) -> rows.forEach(e -> list.add(new Revocation(e.auditId, e.userId,
                        e.projectId, e.domainId, e.applicationCredentialId, e.issuedBefore, e.expiresAt))))
                .replaceWithVoid();
    }
}
