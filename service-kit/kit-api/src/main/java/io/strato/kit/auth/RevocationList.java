package io.strato.kit.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The revocations this instance knows of, indexed so that checking a token costs a handful of hash
 * look-ups however many revocations there are. Fed by {@link RevocationListener} from Kafka (and by
 * identity-service directly for its own revocations). A fact is dropped once every token it could
 * match has expired.
 */
@ApplicationScoped
public class RevocationList {
    /** Kept when a fact does not say when it stops mattering: longer than any token lives. */
    private static final Duration DEFAULT_KEEP = Duration.ofDays(1);

    private record Fact(Instant issuedBefore, Instant expiresAt) {
        Fact later(Fact other) {
            return new Fact(max(issuedBefore, other.issuedBefore), max(expiresAt, other.expiresAt));
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    private final Map<String, Fact> byAuditId = new ConcurrentHashMap<>();
    private final Map<String, Fact> byUser = new ConcurrentHashMap<>();
    private final Map<String, Fact> byProject = new ConcurrentHashMap<>();
    private final Map<String, Fact> byUserOnProject = new ConcurrentHashMap<>();
    private final Map<String, Fact> byDomain = new ConcurrentHashMap<>();
    private final Map<String, Fact> byApplicationCredential = new ConcurrentHashMap<>();
    private final List<Map<String, Fact>> indexes =
            List.of(byAuditId, byUser, byProject, byUserOnProject, byDomain, byApplicationCredential);
    private final List<Consumer<Revocation>> onAdd = new CopyOnWriteArrayList<>();

    /** Runs {@code listener} after each revocation is added (on the adding thread: it must be quick). */
    public void onAdd(Consumer<Revocation> listener) {
        onAdd.add(listener);
    }

    public void add(Revocation r) {
        Fact f = new Fact(r.issuedBefore(),
                r.expiresAt() != null ? r.expiresAt() : r.issuedBefore().plus(DEFAULT_KEEP));
        if (r.auditId() != null) {
            byAuditId.merge(r.auditId(), f, Fact::later);
        } else if (r.applicationCredentialId() != null) {
            byApplicationCredential.merge(r.applicationCredentialId(), f, Fact::later);
        } else if (r.userId() != null && r.projectId() != null) {
            byUserOnProject.merge(r.userId() + "/" + r.projectId(), f, Fact::later);
        } else if (r.userId() != null) {
            byUser.merge(r.userId(), f, Fact::later);
        } else if (r.projectId() != null) {
            byProject.merge(r.projectId(), f, Fact::later);
        } else if (r.domainId() != null) {
            byDomain.merge(r.domainId(), f, Fact::later);
        }
        onAdd.forEach(listener -> listener.accept(r));
    }

    /** True when a revocation covers this caller's token. */
    public boolean isRevoked(Caller c) {
        for (String audit : c.auditIds()) {
            if (byAuditId.containsKey(audit)) {
                return true;
            }
        }
        Instant issued = c.issuedAt();
        return revokedBy(byUser, c.userId(), issued)
                || revokedBy(byProject, c.projectId(), issued)
                || revokedBy(byDomain, c.domainId(), issued)
                || revokedBy(byDomain, c.projectDomainId(), issued)
                || revokedBy(byDomain, c.userDomainId(), issued)
                || revokedBy(byApplicationCredential, c.applicationCredentialId(), issued)
                || (c.projectId() != null && revokedBy(byUserOnProject, c.userId() + "/" + c.projectId(), issued));
    }

    private static boolean revokedBy(Map<String, Fact> index, String key, Instant issued) {
        if (key == null) {
            return false;
        }
        Fact f = index.get(key);
        return f != null && !issued.isAfter(f.issuedBefore());
    }

    /** Drops the facts no live token can match any more. */
    @Scheduled(every = "5m", delayed = "5m")
    public void prune() {
        prune(Instant.now());
    }

    void prune(Instant now) {
        for (Map<String, Fact> index : indexes) {
            index.values().removeIf(f -> f.expiresAt().isBefore(now));
        }
    }

    /** How many facts are held (for metrics and tests). */
    public int size() {
        return indexes.stream().mapToInt(Map::size).sum();
    }
}
