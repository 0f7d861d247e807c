package io.strato.compute.hosts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Makes the servers of a dead host say so. Every few seconds (one instance at a time, by a
 * transaction-scoped advisory lock) it looks for hosts whose liveness changed:
 * <ul>
 * <li>newly down: the power state of their settled servers (vm_state active or stopped, no task)
 *     becomes NOSTATE, since nobody knows it any more; the state it replaced is kept aside;</li>
 * <li>up again: those servers get their kept power state back (if nothing changed it meanwhile),
 *     and the agent's reconciliation reports any real drift.</li>
 * </ul>
 * Nova changes no server row when a compute service dies (its servers stay ACTIVE "forever", the
 * API guide says); from microversion 2.16 it shows admins {@code host_status: UNKNOWN}. Strato keeps
 * vm_state and status as Nova does and only stops claiming a power state it cannot know.
 *
 * <p>{@code strato.compute.host-monitor.enabled=false} stops the periodic sweep (tests whose hosts
 * send no heartbeats); {@code strato.compute.host-monitor.interval} (default 10s) sets its period.
 */
@ApplicationScoped
public class HostMonitor {
    private static final Logger LOG = Logger.getLogger(HostMonitor.class);
    static final String LOCK_KEY = "strato.compute.host-monitor";

    private final boolean enabled;
    private final String markDown;
    private final String markUp;

    public HostMonitor(HostLiveness liveness,
                       @ConfigProperty(name = "strato.compute.host-monitor.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
        String up = liveness.upSql("h");
        this.markDown = "WITH down AS (UPDATE compute_host h SET down_since = now() "
                + "WHERE h.down_since IS NULL AND NOT " + up + " RETURNING h.host), "
                + "kept AS (INSERT INTO host_down_server (server_id, host, power_state) "
                + "SELECT s.id, s.host, s.power_state FROM server s JOIN down d ON d.host = s.host "
                + "WHERE s.vm_state IN ('active', 'stopped') AND s.task_state IS NULL AND s.power_state <> 0 "
                + "ON CONFLICT (server_id) DO NOTHING RETURNING server_id) "
                + "UPDATE server SET power_state = 0, updated_at = now() WHERE id IN (SELECT server_id FROM kept)";
        this.markUp = "WITH back AS (UPDATE compute_host h SET down_since = NULL "
                + "WHERE h.down_since IS NOT NULL AND " + up + " RETURNING h.host), "
                + "kept AS (DELETE FROM host_down_server x USING back b WHERE x.host = b.host "
                + "RETURNING x.server_id, x.host, x.power_state) "
                + "UPDATE server s SET power_state = k.power_state, updated_at = now() FROM kept k "
                + "WHERE s.id = k.server_id AND s.host = k.host AND s.power_state = 0";
    }

    /** What one sweep changed: servers set to NOSTATE on newly down hosts, and servers given their state back. */
    public record Sweep(boolean ran, int serversMarkedUnknown, int serversRestored) {
    }

    @Scheduled(identity = "strato-compute-host-monitor", every = "${strato.compute.host-monitor.interval:10s}",
            delayed = "${strato.compute.host-monitor.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        if (!enabled) {
            return;
        }
        try {
            Sweep s = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::sweep));
            if (s.serversMarkedUnknown() > 0 || s.serversRestored() > 0) {
                LOG.infof("host monitor: %d server(s) on down hosts now NOSTATE, %d restored on hosts up again",
                        s.serversMarkedUnknown(), s.serversRestored());
            }
        } catch (Throwable e) {
            LOG.warnf("host monitor sweep failed: %s", e.getMessage());
        }
    }

    /** One sweep, inside the caller's transaction; does nothing when another instance is sweeping. */
    public Uni<Sweep> sweep() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT pg_try_advisory_xact_lock(hashtext(:k))", Boolean.class)
                .setParameter("k", LOCK_KEY).getSingleResult()
                .chain(locked -> !locked ? Uni.createFrom().item(new Sweep(false, 0, 0))
                        : execute(s, markDown).chain(down -> execute(s, markUp).map(up -> new Sweep(true, down, up)))));
    }

    private static Uni<Integer> execute(Mutiny.Session s, String sql) {
        return s.createNativeQuery(sql).executeUpdate();
    }
}
