package io.strato.compute.hosts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one rule for "is a compute host up", as Nova's servicegroup DB driver has it: not forced down
 * and a heartbeat newer than {@code strato.compute.service-down-time} (seconds, default 60). The
 * scheduler only places servers on up hosts; os-services and os-hypervisors show state up/down from
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

    /** How long a host may stay silent before it counts as down. */
    public Duration downTime() {
        return downTime;
    }

    /** The rule itself: up when not forced down and the last heartbeat is newer than {@code now - downTime}. */
    public static boolean isUp(boolean forcedDown, OffsetDateTime lastHeartbeat, Instant now, Duration downTime) {
        return !forcedDown && lastHeartbeat != null && lastHeartbeat.toInstant().isAfter(now.minus(downTime));
    }

    public boolean isUp(boolean forcedDown, OffsetDateTime lastHeartbeat) {
        return isUp(forcedDown, lastHeartbeat, Instant.now(), downTime);
    }

    /**
     * The rule as a boolean SQL expression over a {@code compute_host} row, evaluated with the
     * database's clock, e.g. {@code SELECT host, ${upSql("h")} AS up FROM compute_host h}.
     *
     * @param alias the table alias of compute_host in the query, or null/empty for none
     */
    public String upSql(String alias) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        return "(NOT " + p + "forced_down AND " + p + "last_heartbeat > now() - interval '"
                + downTime.toMillis() + " milliseconds')";
    }

    /** Names of the hosts that are down now, in name order. Needs a session. */
    public Uni<List<String>> downHosts() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT host FROM compute_host h WHERE NOT " + upSql("h") + " ORDER BY host", String.class)
                .getResultList());
    }
}
