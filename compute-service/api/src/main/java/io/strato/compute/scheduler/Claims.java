package io.strato.compute.scheduler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Commands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * A server's claim on a host: its {@code allocation} row and the same amounts in the host's
 * {@code *_used} counters, always changed together in the caller's transaction.
 *
 * <p>A claim is one conditional UPDATE of the host row ("add if it still fits under capacity x
 * allocation ratio"); PostgreSQL re-checks the condition against the newest row version after
 * waiting for a concurrent claimer's row lock, so two transactions can never both take the last free
 * RAM of a host.
 */
@ApplicationScoped
public class Claims {
    private static final Logger LOG = Logger.getLogger(Claims.class);

    private static final String ADD_USAGE = "UPDATE compute_host SET vcpus_used = vcpus_used + :v, "
            + "memory_mb_used = memory_mb_used + :m, local_gb_used = local_gb_used + :d, updated_at = now() "
            + "WHERE host = :h AND memory_mb_used + :m <= memory_mb * ram_allocation_ratio "
            + "AND vcpus_used + :v <= vcpus * cpu_allocation_ratio "
            + "AND local_gb_used + :d <= local_gb * disk_allocation_ratio";
    /** A new placement also needs the host still enabled and not forced down (an admin may act mid-request). */
    private static final String ADD_USAGE_ON_ENABLED = ADD_USAGE + " AND enabled AND NOT forced_down";
    private static final String ADD_ALLOCATION = "INSERT INTO allocation (server_id, host, vcpus, memory_mb, disk_gb) "
            + "VALUES (:s, :h, :v, :m, :d) ON CONFLICT (server_id, host) DO UPDATE SET "
            + "vcpus = allocation.vcpus + excluded.vcpus, memory_mb = allocation.memory_mb + excluded.memory_mb, "
            + "disk_gb = allocation.disk_gb + excluded.disk_gb";
    /** Deletes allocation rows and gives exactly their amounts back to their hosts, in one statement. */
    private static final String RELEASE = "WITH gone AS (DELETE FROM allocation WHERE server_id = :s%s "
            + "RETURNING host, vcpus, memory_mb, disk_gb) "
            + "UPDATE compute_host h SET vcpus_used = h.vcpus_used - g.vcpus, "
            + "memory_mb_used = h.memory_mb_used - g.memory_mb, local_gb_used = h.local_gb_used - g.disk_gb, "
            + "updated_at = now() FROM gone g WHERE h.host = g.host";
    private static final String RELEASE_ALL = RELEASE.formatted("");
    private static final String RELEASE_OTHER_HOSTS = RELEASE.formatted(" AND host <> :h");
    /** Sets the allocation on a host to exactly :v/:m/:d and moves the host's counters by the difference. */
    private static final String SET_EXACTLY = "WITH cur AS (SELECT vcpus, memory_mb, disk_gb FROM allocation "
            + "WHERE server_id = :s AND host = :h FOR UPDATE), "
            + "upd AS (UPDATE allocation SET vcpus = :v, memory_mb = :m, disk_gb = :d WHERE server_id = :s AND host = :h) "
            + "UPDATE compute_host c SET vcpus_used = c.vcpus_used + :v - cur.vcpus, "
            + "memory_mb_used = c.memory_mb_used + :m - cur.memory_mb, local_gb_used = c.local_gb_used + :d - cur.disk_gb, "
            + "updated_at = now() FROM cur WHERE c.host = :h";

    /** Gives back every claim of the server (all hosts). Idempotent: a second call finds nothing. Needs a transaction. */
    public Uni<Void> release(UUID serverId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RELEASE_ALL).setParameter("s", serverId).executeUpdate())
                .invoke(n -> {
                    if (n > 0) {
                        LOG.debugf("released the claims of server %s on %d host(s)", serverId, n);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Adds {@code newFlavor}'s resources to the server's claim on {@code host} (a resize on the same
     * host holds old + new until confirm or revert, see {@link #keepOnly}). Fails with
     * {@link NoValidHost} when they do not fit. Not idempotent: call it once per resize. Needs a transaction.
     */
    public Uni<Void> claimResize(UUID serverId, String host, Commands.Flavor newFlavor) {
        return Panache.getSession().chain(s -> addUsage(s, ADD_USAGE, host, newFlavor)
                .chain(fits -> {
                    if (!fits) {
                        return Uni.createFrom().failure(new NoValidHost("Host " + host
                                + " has not enough free resources for flavor " + newFlavor.name() + "."));
                    }
                    return addAllocation(s, serverId, host, newFlavor);
                }));
    }

    /**
     * After a resize is confirmed or reverted: the server's claim becomes exactly {@code keep} on
     * {@code host}, and claims on other hosts are given back. Nothing happens on {@code host} when the
     * server holds no claim there any more (it was released, e.g. by a delete). Needs a transaction.
     */
    public Uni<Void> keepOnly(UUID serverId, String host, Commands.Flavor keep) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RELEASE_OTHER_HOSTS)
                .setParameter("s", serverId).setParameter("h", host).executeUpdate()
                .chain(() -> amounts(s.createNativeQuery(SET_EXACTLY), keep)
                        .setParameter("s", serverId).setParameter("h", host).executeUpdate()))
                .invoke(n -> {
                    if (n == 0) {
                        LOG.infof("server %s holds no claim on %s any more; nothing to keep", serverId, host);
                    }
                })
                .replaceWithVoid();
    }

    /** Claims the flavor on an enabled host for a new placement; false when it no longer fits. */
    Uni<Boolean> tryClaim(UUID serverId, String host, Commands.Flavor flavor) {
        return Panache.getSession().chain(s -> addUsage(s, ADD_USAGE_ON_ENABLED, host, flavor)
                .chain(fits -> fits ? addAllocation(s, serverId, host, flavor).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }

    private static Uni<Boolean> addUsage(Mutiny.Session s, String sql, String host, Commands.Flavor f) {
        return amounts(s.createNativeQuery(sql), f).setParameter("h", host).executeUpdate().map(n -> n == 1);
    }

    private static Uni<Void> addAllocation(Mutiny.Session s, UUID serverId, String host, Commands.Flavor f) {
        return amounts(s.createNativeQuery(ADD_ALLOCATION), f).setParameter("s", serverId).setParameter("h", host)
                .executeUpdate().replaceWithVoid();
    }

    private static <Q extends Mutiny.MutationQuery> Q amounts(Q q, Commands.Flavor f) {
        q.setParameter("v", f.vcpus());
        q.setParameter("m", (long) f.memoryMb());
        q.setParameter("d", RequestSpec.diskGb(f));
        return q;
    }
}
