package io.strato.network.quotas;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.api.Neutron;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Enforces a project's quota atomically. {@link #claim} runs inside the create's transaction: it locks
 * the project's row in {@code quota_lock} ({@code SELECT ... FOR UPDATE}), counts what the project
 * holds and refuses when the new items would exceed the limit. The lock is held until the create
 * commits, so two creates racing for the last unit are serialised and only one gets it.
 */
@ApplicationScoped
public class QuotaGuard {
    private final QuotaLimits limits;

    public QuotaGuard(QuotaLimits limits) {
        this.limits = limits;
    }

    /**
     * Fails with Neutron's {@code OverQuota} (409) when {@code projectId} may not own {@code count} more
     * of {@code resource}. Must run in the transaction that then inserts them.
     *
     * @param resource network, subnet, port, router, floatingip, security_group, security_group_rule
     */
    public Uni<Void> claim(String projectId, String resource, int count) {
        String table = QuotaResources.TABLES.get(resource);
        if (table == null) {
            throw new IllegalArgumentException("no quota resource " + resource);
        }
        return Panache.getSession().flatMap(s -> lock(s, projectId)
                .chain(() -> limits.limit(s, projectId, resource))
                .flatMap(limit -> limit < 0 ? Uni.createFrom().voidItem()
                        : used(s, table, projectId).invoke(used -> {
                            if (used + count > limit) {
                                throw Neutron.overQuota(resource);
                            }
                        }).replaceWithVoid()));
    }

    /** How many of {@code resource} the project holds (needs a session). */
    Uni<Long> used(Mutiny.Session s, String table, String projectId) {
        return s.createNativeQuery("SELECT count(*) FROM " + table + " WHERE project_id = :p", Long.class)
                .setParameter("p", projectId).getSingleResult();
    }

    private static Uni<Void> lock(Mutiny.Session s, String projectId) {
        return s.createNativeQuery("INSERT INTO quota_lock (project_id) VALUES (:p) ON CONFLICT DO NOTHING")
                .setParameter("p", projectId).executeUpdate()
                .chain(() -> s.createNativeQuery("SELECT project_id FROM quota_lock WHERE project_id = :p FOR UPDATE", String.class)
                        .setParameter("p", projectId).getSingleResult())
                .replaceWithVoid();
    }
}
