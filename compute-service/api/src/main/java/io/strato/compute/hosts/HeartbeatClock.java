package io.strato.compute.hosts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Topics;
import io.strato.kit.data.events.EventHandler;
import io.strato.kit.events.StratoEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The heartbeat clock ({@code compute_heartbeat_clock}, one row): milliseconds of time during which the
 * agents' channel, {@link Topics#REPORTS}, was seen to deliver. Every compute-service instance sends a
 * probe on that topic every {@code strato.compute.heartbeat-clock.probe-interval} ({@link HeartbeatProbe});
 * consuming one advances the clock by the time since the previous probe was consumed, at most two probe
 * intervals. So while probes flow the clock keeps real time (however many instances send them); while
 * Kafka is away, or no instance consumes, it stands still, and the first probe after that adds at most
 * two intervals. A host's heartbeat stores the clock's value ({@link HostReportHandler}); {@link HostLiveness}
 * compares the two.
 */
@ApplicationScoped
public class HeartbeatClock implements EventHandler {
    /** The CloudEvents type of a probe (data: the sending instance and its time, for logs only). */
    public static final String PROBE_TYPE = "strato.compute.heartbeat_probe.v1";
    /** The clock's value now, as a SQL scalar subquery. */
    static final String NOW_SQL = "(SELECT hbc.ms FROM compute_heartbeat_clock hbc)";

    private static final String ADVANCE = "UPDATE compute_heartbeat_clock SET "
            + "ms = ms + COALESCE(LEAST(GREATEST(CAST(extract(epoch FROM clock_timestamp() - probed_at) * 1000 AS bigint), 0), "
            + ":cap), 0), probed_at = GREATEST(probed_at, clock_timestamp())";

    private final long capMs;

    public HeartbeatClock(HeartbeatClockConfig config) {
        this.capMs = HeartbeatProbe.checked(config.probeInterval()).multipliedBy(2).toMillis();
    }

    @Override
    public String topic() {
        return Topics.REPORTS;
    }

    @Override
    public boolean accepts(String type) {
        return PROBE_TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        return advance();
    }

    /** What consuming a probe does. Needs a transaction (the kit's event transaction). */
    public Uni<Void> advance() {
        return Panache.getSession().chain(s -> s.createNativeQuery(ADVANCE).setParameter("cap", capMs).executeUpdate())
                .replaceWithVoid();
    }

    /** The clock's value now. Needs a session. */
    public Uni<Long> now() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT ms FROM compute_heartbeat_clock", Long.class)
                .getSingleResult());
    }
}
