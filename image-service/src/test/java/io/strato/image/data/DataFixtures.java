package io.strato.image.data;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/** Image rows and store files as the data tests need them, straight through JDBC and the file system. */
final class DataFixtures {
    private DataFixtures() {
    }

    static UUID queuedImage(String owner, String diskFormat) {
        return image(owner, diskFormat, "private", "queued");
    }

    static UUID image(String owner, String diskFormat, String visibility, String status) {
        UUID id = UUID.randomUUID();
        sql("insert into image (id, name, owner, status, visibility, disk_format, container_format)"
                + " values (?, ?, ?, ?, ?, ?, 'bare')", id, "data-test-" + id, owner, status, visibility, diskFormat);
        return id;
    }

    /** An active image of {@code size} bytes with no data behind it, to use up a project's byte quota. */
    static void usedBytes(String owner, long size) {
        sql("insert into image (id, name, owner, status, visibility, size) values (?, 'filler', ?, 'active', 'private', ?)",
                UUID.randomUUID(), owner, size);
    }

    /** An image in {@code status} with an upload reservation of {@code bytes} lapsing in {@code seconds} (negative: lapsed). */
    static UUID reservedUpload(String owner, String status, long bytes, int seconds) {
        UUID id = image(owner, "raw", "private", status);
        sql("insert into image_upload_reservation (image_id, project_id, bytes, expires_at)"
                + " values (?, ?, ?, now() + make_interval(secs => ?))", id, owner, bytes, seconds);
        return id;
    }

    /** When the reservation of image {@code id}'s upload lapses, or null when it has none. */
    static OffsetDateTime reservationExpiry(UUID id) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("select expires_at from image_upload_reservation where image_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String query, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes project {@code owner}'s images, their stored bytes and their reservations. */
    static void removeImagesOf(String owner) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select id from image where owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (Path file : storedFiles(rs.getObject(1, UUID.class))) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        sql("delete from image where owner = ?", owner);
        sql("delete from image_upload_reservation where project_id = ?", owner);
    }

    static Map<String, Object> row(UUID id) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("select * from image where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(UUID id) {
        return (String) row(id).get("status");
    }

    static long outboxEvents(String type, UUID subject) {
        return count("select count(*) from strato_outbox where type = ? and subject = ?", type, subject.toString());
    }

    static void sql(String statement, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files (whole or partial) the store holds for image {@code id}. */
    static List<Path> storedFiles(UUID id) {
        Path dir = Path.of(ConfigProvider.getConfig().getValue("strato.image.store.directory", String.class));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(id.toString())).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String algorithm, byte[] bytes) {
        return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 30 s for {@code condition} (a loaded machine can stall the server for seconds). */
    static void eventually(String what, java.util.function.BooleanSupplier condition) {
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
