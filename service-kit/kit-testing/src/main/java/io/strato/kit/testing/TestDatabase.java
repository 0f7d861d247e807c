package io.strato.kit.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/** A PostgreSQL database for one module's tests, created on first use over plain JDBC. */
public final class TestDatabase {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    public TestDatabase(String host, int port, String user, String password, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("test database name must match " + SAFE_NAME + ": " + name);
        }
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** {@code identity-service} gives {@code identity_test}; {@code service-kit} gives {@code service_kit_test}. */
    public static String defaultName(String moduleDir) {
        String module = Path.of(moduleDir).getFileName().toString().toLowerCase();
        if (module.endsWith("-service")) {
            module = module.substring(0, module.length() - "-service".length());
        }
        return module.replaceAll("[^a-z0-9_]", "_") + "_test";
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** Creates the database unless it exists; fails with a message naming the command that starts PostgreSQL. */
    public void ensureExists() {
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(admin, props)) {
            if (!exists(c)) {
                try (Statement st = c.createStatement()) {
                    st.execute("create database \"" + name + "\"");
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a parallel build
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not usable at " + host + ":" + port + " as " + user + " ("
                    + e.getMessage() + "): start it with deploy/local/strato infra-up", e);
        }
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Datasource settings for Quarkus: reactive (Hibernate Reactive) and JDBC (Flyway, outbox relay). */
    public Map<String, String> quarkusConfig() {
        String hostPortDb = host + ":" + port + "/" + name;
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostPortDb,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPortDb,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "quarkus.datasource.devservices.enabled", "false");
    }
}
