package io.strato.compute.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Rows other parts of compute-service write (servers, compute hosts), inserted over JDBC so catalog tests can
 * count and show them without running those parts.
 */
public final class CatalogRows {
    private final DataSource db;

    public CatalogRows(DataSource db) {
        this.db = db;
    }

    /** A server of {@code vcpus}/{@code ramMb} in {@code vmState}, on {@code host} (null: none). */
    public UUID server(String project, int vcpus, int ramMb, String vmState, String host) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO server (id, project_id, user_id, name, flavor_id, flavor, vm_state, host) "
                        + "VALUES (?, ?, 'u', ?, 'x', CAST(? AS jsonb), ?, ?)",
                id, project, "s-" + id, "{\"id\": \"x\", \"vcpus\": " + vcpus + ", \"memory_mb\": " + ramMb + "}", vmState, host);
        return id;
    }

    /** A compute host as an agent's reports leave it, with its last heartbeat at {@code heartbeat} (its age on the heartbeat clock too). */
    public void host(String host, String zone, int vcpus, long memoryMb, long diskGb, Instant heartbeat) {
        update("INSERT INTO compute_host (uuid, host, hypervisor_hostname, host_ip, availability_zone, vcpus, memory_mb, local_gb, "
                        + "hypervisor_version, last_heartbeat, heartbeat_clock_ms) VALUES (?, ?, ?, '192.0.2.1', ?, ?, ?, ?, 8002000, ?, "
                        + "(SELECT ms FROM compute_heartbeat_clock) - ?)",
                UUID.randomUUID(), host, host, zone, vcpus, memoryMb, diskGb, java.sql.Timestamp.from(heartbeat),
                Math.max(0, java.time.Duration.between(heartbeat, Instant.now()).toMillis()));
    }

    public void update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
