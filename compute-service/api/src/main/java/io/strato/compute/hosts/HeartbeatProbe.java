package io.strato.compute.hosts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Topics;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends this instance's heartbeat-clock probe ({@link HeartbeatClock}) through the outbox every
 * {@code strato.compute.heartbeat-clock.probe-interval} (default 5s), keyed by an id of this instance.
 * While its previous probe is still unpublished (Kafka away) it sends none, so an outage leaves one
 * row per instance behind, not one per interval. It also logs when the clock has stood still for longer
 * than the service-down time, and when it moves again: meanwhile no host is marked down.
 * {@code strato.compute.heartbeat-clock.probe-enabled=false} stops the periodic probe (tests that drive
 * the clock themselves).
 */
@ApplicationScoped
public class HeartbeatProbe {
    private static final Logger LOG = Logger.getLogger(HeartbeatProbe.class);
    static final String INTERVAL_KEY = "strato.compute.heartbeat-clock.probe-interval";

    private static final String PENDING = "SELECT count(*) FROM strato_outbox "
            + "WHERE topic = :topic AND partition_key = :key AND published_at IS NULL";
    private static final String STANDING = "SELECT CAST(extract(epoch FROM clock_timestamp() - probed_at) * 1000 AS bigint) "
            + "FROM compute_heartbeat_clock";

    private final Outbox outbox;
    private final boolean enabled;
    private final long downTimeMs;
    private final String instance = UUID.randomUUID().toString();
    private boolean stalled; // scheduler thread only (SKIP)

    public HeartbeatProbe(Outbox outbox, HostLiveness liveness, HeartbeatClockConfig config) {
        checked(config.probeInterval());
        this.outbox = outbox;
        this.enabled = config.probeEnabled();
        this.downTimeMs = liveness.downTime().toMillis();
    }

    static Duration checked(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(INTERVAL_KEY + " must be positive, got " + interval);
        }
        return interval;
    }

    /** The key (and subject) of this instance's probes. */
    public String instance() {
        return instance;
    }

    @Scheduled(identity = "strato-compute-heartbeat-probe", every = "${" + INTERVAL_KEY + ":5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        if (!enabled) {
            return;
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::probe));
            Long standingMs = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> Panache.getSession().chain(s -> s.createNativeQuery(STANDING, Long.class).getSingleResult())));
            report(standingMs);
        } catch (Throwable e) {
            LOG.warnf("heartbeat probe failed: %s", e.getMessage());
        }
    }

    /**
     * Adds a probe to the outbox unless this instance's previous one is still unpublished; needs a
     * transaction. Returns whether one was added.
     */
    public Uni<Boolean> probe() {
        return Panache.getSession().chain(s -> s.createNativeQuery(PENDING, Long.class)
                        .setParameter("topic", Topics.REPORTS).setParameter("key", instance).getSingleResult())
                .chain(pending -> pending > 0 ? Uni.createFrom().item(false)
                        : outbox.add(Topics.REPORTS, HeartbeatClock.PROBE_TYPE, instance,
                                Map.of("instance", instance, "sent_at", Instant.now().toString())).replaceWith(true));
    }

    private void report(Long standingMs) {
        boolean now = standingMs != null && standingMs > downTimeMs;
        if (now && !stalled) {
            LOG.warnf("no heartbeat-clock probe has come back through %s for %d s: host liveness stands still "
                    + "(no host is marked down) until Kafka delivers again", Topics.REPORTS, standingMs / 1000);
        } else if (!now && stalled) {
            LOG.infof("heartbeat-clock probes come back through %s again: host liveness runs", Topics.REPORTS);
        }
        stalled = now;
    }
}
