package io.strato.compute.hosts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one rule for "is a compute host up", as Nova's servicegroup DB driver has it (not forced down and
 * heard from within {@code strato.compute.service-down-time}, seconds, default 60), except that silence
 * is measured on the {@link HeartbeatClock}, not the wall clock: only time during which the reports
 * topic was seen to deliver counts. A Kafka outage therefore marks no host down (the observer is cut
 * off, not the hosts); a host that stopped heartbeating goes down after down-time of delivering channel.
 * The scheduler only places servers on up hosts; os-services and os-hypervisors show state up/down from
 * the same rule (in Java with {@link #isUp} or in SQL with {@link #upSql}).
 */
@ApplicationScoped
public class HostLiveness {
    /** The configuration key, shared with the os-services/os-hypervisors API. */
    public static final String DOWN_TIME_KEY = "strato.compute.service-down-time";

    private final Duration downTime;

    public HostLiveness(@ConfigProperty(name = DOWN_TIME_KEY, defaultValue = "60") Duration downTime) {
        if (downTime.isNegative() || downTime.isZero()) {
            throw new IllegalArgumentException(DOWN_TIME_KEY + " must be positive, got " + downTime);
        }
        this.downTime = downTime;
    }

    /** How much heartbeat-clock time a host may stay silent before it counts as down. */
    public Duration downTime() {
        return downTime;
    }

    /**
     * The rule itself: up when not forced down, heard of, and its last heartbeat less than {@code downTime}
     * ago on the heartbeat clock.
     *
     * @param heartbeatClockMs the clock's value when the host's last heartbeat was consumed; null: never
     * @param clockMs          the clock's value now
     */
    public static boolean isUp(boolean forcedDown, Long heartbeatClockMs, long clockMs, Duration downTime) {
        return !forcedDown && heartbeatClockMs != null && clockMs - heartbeatClockMs < downTime.toMillis();
    }

    /**
     * The rule as a boolean SQL expression (never null) over a {@code compute_host} row, reading the clock
     * in the same statement, e.g. {@code SELECT host, ${upSql("h")} AS up FROM compute_host h}.
     *
     * @param alias the table alias of compute_host in the query, or null/empty for none
     */
    public String upSql(String alias) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        return "(NOT " + p + "forced_down AND COALESCE(" + HeartbeatClock.NOW_SQL + " - " + p
                + "heartbeat_clock_ms < " + downTime.toMillis() + ", false))";
    }

    /** Names of the hosts that are down now, in name order. Needs a session. */
    public Uni<List<String>> downHosts() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT host FROM compute_host h WHERE NOT " + upSql("h") + " ORDER BY host", String.class)
                .getResultList());
    }
}
