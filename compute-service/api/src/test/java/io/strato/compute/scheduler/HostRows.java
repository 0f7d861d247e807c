package io.strato.compute.scheduler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.strato.compute.hosts.HostMonitor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** compute_host and server rows for database tests, written and read over JDBC. */
public final class HostRows {
    private final DataSource db;

    public HostRows(DataSource db) {
        this.db = db;
    }

    /** A zone no other test uses. */
    public static String zone() {
        return "az-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs the work in its own reactive transaction (and its own Vert.x context) and waits for it. */
    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The heartbeat clock's value now (HeartbeatClock), as SQL. */
    public static final String CLOCK_SQL = "(SELECT ms FROM compute_heartbeat_clock)";

    /**
     * An enabled host with ratio 1.0 everywhere, its heartbeat {@code heartbeatAgeSeconds} old (on the wall
     * clock and on the heartbeat clock).
     */
    public String host(String zone, int vcpus, long memoryMb, long localGb, int heartbeatAgeSeconds) {
        String name = zone + "-h" + UUID.randomUUID().toString().substring(0, 6);
        update("INSERT INTO compute_host (uuid, host, hypervisor_hostname, availability_zone, vcpus, memory_mb, local_gb, "
                + "cpu_allocation_ratio, ram_allocation_ratio, disk_allocation_ratio, last_heartbeat, heartbeat_clock_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 1.0, 1.0, 1.0, now() - make_interval(secs => ?), " + CLOCK_SQL + " - ? * 1000)",
                UUID.randomUUID(), name, name, zone, vcpus, memoryMb, localGb, heartbeatAgeSeconds, heartbeatAgeSeconds);
        return name;
    }

    /** Makes the host's last heartbeat {@code seconds} old, on the wall clock and on the heartbeat clock. */
    public void silence(String host, int seconds) {
        update("UPDATE compute_host SET last_heartbeat = now() - make_interval(secs => ?), heartbeat_clock_ms = "
                + CLOCK_SQL + " - ? * 1000 WHERE host = ?", seconds, seconds, host);
    }

    /**
     * Runs host monitor sweeps until one was not skipped for the periodic one (both do the same work; if every one
     * was skipped, the periodic sweep has done it and the caller's assertions decide).
     */
    public static void sweep(HostMonitor monitor) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .pollInSameThread().until(() -> inTransaction(monitor::sweep).ran());
        } catch (ConditionTimeoutException e) {
            // see above
        }
    }

    /** The power state of a server. */
    public long powerState(UUID server) {
        return longs("SELECT power_state FROM server WHERE id = ?", server).get(0)[0];
    }

    /** vcpus_used, memory_mb_used, local_gb_used of a host. */
    public long[] used(String host) {
        return longs("SELECT vcpus_used, memory_mb_used, local_gb_used FROM compute_host WHERE host = ?", host).get(0);
    }

    /** The sums of the allocation rows on a host: count, vcpus, memory_mb, disk_gb. */
    public long[] allocated(String host) {
        return longs("SELECT count(*), coalesce(sum(vcpus), 0), coalesce(sum(memory_mb), 0), coalesce(sum(disk_gb), 0) "
                + "FROM allocation WHERE host = ?", host).get(0);
    }

    /** A server row: active and running on the host, or building when the host is null. */
    public UUID server(String host) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO server (id, project_id, user_id, name, flavor_id, flavor, host, vm_state, power_state) "
                + "VALUES (?, 'p', 'u', 'vm', 'f', CAST('{}' AS jsonb), ?, ?, ?)", id, host,
                host == null ? "building" : "active", host == null ? 0 : 1);
        return id;
    }

    public UUID group(String policy, UUID... members) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO server_group (id, project_id, user_id, name, policy) VALUES (?, 'p', 'u', 'g', ?)", id, policy);
        for (UUID m : members) {
            update("INSERT INTO server_group_member (group_id, server_id) VALUES (?, ?)", id, m);
        }
        return id;
    }

    public int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = prepare(c, sql, args)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<long[]> longs(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = prepare(c, sql, args); ResultSet rs = st.executeQuery()) {
            List<long[]> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                long[] row = new long[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getLong(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String string(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = prepare(c, sql, args); ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }
}
