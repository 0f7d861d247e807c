package io.strato.kit.data.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The relay's SQL over JDBC; every method runs in the caller's JDBC transaction. */
@ApplicationScoped
class OutboxStore {

    /*
     * Rows are picked in seq (insertion) order, skipping rows locked by another relay. A row whose
     * (topic, key) has an earlier unpublished row that is waiting for a retry is not picked, and one
     * whose earlier row is held by another relay comes back "blocked": both keep a subject's events in order.
     */
    private static final String LOCK_PENDING = """
            with picked as (
                select o.id from strato_outbox o
                 where o.published_at is null and o.next_attempt_at <= clock_timestamp()
                   and not exists (select 1 from strato_outbox p
                                    where p.published_at is null and p.topic = o.topic
                                      and p.partition_key = o.partition_key and p.seq < o.seq
                                      and p.next_attempt_at > clock_timestamp())
                 order by o.seq
                 limit ?
                 for update skip locked)
            select o.id, o.topic, o.partition_key, o.type, o.source, o.subject, o.payload::text,
                   o.created_at, o.attempts,
                   exists (select 1 from strato_outbox p
                            where p.published_at is null and p.topic = o.topic
                              and p.partition_key = o.partition_key and p.seq < o.seq
                              and p.id not in (select id from picked)) as blocked
              from strato_outbox o join picked on picked.id = o.id
             order by o.seq""";

    List<PendingEvent> lockPending(Connection c, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(LOCK_PENDING)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                List<PendingEvent> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new PendingEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class), rs.getInt(9), rs.getBoolean(10)));
                }
                return rows;
            }
        }
    }

    void markPublished(Connection c, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(
                "update strato_outbox set published_at = clock_timestamp(), last_error = null where id = any(?)")) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            st.setArray(1, array);
            st.executeUpdate();
        }
    }

    void markFailed(Connection c, UUID id, Duration backoff, String error) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update strato_outbox set attempts = attempts + 1,"
                + " next_attempt_at = clock_timestamp() + make_interval(secs => ?), last_error = ? where id = ?")) {
            st.setDouble(1, backoff.toMillis() / 1000.0);
            st.setString(2, error.length() > 2000 ? error.substring(0, 2000) : error);
            st.setObject(3, id);
            st.executeUpdate();
        }
    }

    int purgePublished(Connection c, Duration retention) throws SQLException {
        return deleteOlder(c, "delete from strato_outbox where published_at < clock_timestamp() - make_interval(secs => ?)",
                retention);
    }

    int purgeProcessed(Connection c, Duration retention) throws SQLException {
        return deleteOlder(c,
                "delete from strato_processed_event where processed_at < clock_timestamp() - make_interval(secs => ?)",
                retention);
    }

    private static int deleteOlder(Connection c, String sql, Duration retention) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setDouble(1, retention.toSeconds());
            return st.executeUpdate();
        }
    }
}
