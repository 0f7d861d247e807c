package io.strato.network.secgroups;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Rows written straight into the test database, for state the API under test does not make itself
 * (a port that uses a security group, a network to tag).
 */
public final class TestRows {
    private TestRows() {
    }

    /** A network of {@code projectId}; {@code shared} makes it visible to every project. */
    public static UUID network(String projectId, boolean shared) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO network (id, project_id, name, network_type, shared) VALUES (?, ?, 'net', 'vxlan', ?)",
                id, projectId, shared);
        return id;
    }

    /** A port of {@code projectId} on a new network, bound to the security group. */
    public static UUID portUsing(String projectId, UUID securityGroup) {
        UUID network = network(projectId, false);
        UUID port = UUID.randomUUID();
        String mac = String.format("fa:16:3e:%02x:%02x:%02x", port.hashCode() & 0xff, (port.hashCode() >> 8) & 0xff,
                (port.hashCode() >> 16) & 0xff);
        update("INSERT INTO port (id, project_id, network_id, mac_address) VALUES (?, ?, ?, ?)", port, projectId, network, mac);
        update("INSERT INTO port_security_group (port_id, security_group_id) VALUES (?, ?)", port, securityGroup);
        return port;
    }

    public static void deletePort(UUID port) {
        update("DELETE FROM port WHERE id = ?", port);
    }

    private static void update(String sql, Object... params) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        try (Connection c = DriverManager.getConnection(url, user, "");
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
