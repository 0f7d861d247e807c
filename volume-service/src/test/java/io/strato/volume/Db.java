package io.strato.volume;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct reads of the service's database, for what the API does not show (outbox rows, timestamps). */
public final class Db {
    private Db() {
    }

    public static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** The first column of the first row of {@code sql} as text, or null without a row. */
    public static String text(String sql, Object... params) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Runs an update; returns the rows changed. */
    public static int update(String sql, Object... params) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** How many outbox events of {@code type} are about {@code subject}. */
    public static int events(String type, String subject) throws Exception {
        return Integer.parseInt(text("select cast(count(*) as text) from strato_outbox where type = ? and subject = ?",
                type, subject));
    }
}
