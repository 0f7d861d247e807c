package io.strato.kit.data.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two relays at once, on real PostgreSQL (own database, no Quarkus app, so no running relay interferes):
 * SKIP LOCKED shares the rows, and a subject's later event waits while an earlier one is held
 * elsewhere or waits for a retry.
 */
class OutboxStoreOrderingTest {

    private static final TestDatabase DB = new TestDatabase("127.0.0.1", 5432, "postgres", "", "kit_relay_test");
    private final OutboxStore store = new OutboxStore();
    private Connection a;
    private Connection b;

    @BeforeAll
    static void schema() throws Exception {
        DB.ensureExists();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("drop table if exists strato_outbox, strato_processed_event");
            st.execute(Files.readString(Path.of("src/main/resources/db/kit/V0_1__strato_outbox.sql")));
        }
    }

    @BeforeEach
    void open() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("delete from strato_outbox");
        }
        a = connect();
        b = connect();
        a.setAutoCommit(false);
        b.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        a.close();
        b.close();
    }

    @Test
    void aSecondRelaySkipsLockedRowsAndHoldsBackTheirSubjectsLaterEvents() throws SQLException {
        UUID x1 = insert("X");
        UUID x2 = insert("X");
        UUID y1 = insert("Y");

        List<PendingEvent> first = store.lockPending(a, 1);
        assertEquals(List.of(x1), ids(first));
        assertFalse(first.get(0).blocked());

        List<PendingEvent> second = store.lockPending(b, 10);
        assertEquals(List.of(x2, y1), ids(second), "the locked row is skipped");
        assertTrue(second.get(0).blocked(), "X2 must wait for X1, held by the other relay");
        assertFalse(second.get(1).blocked());
    }

    @Test
    void aSubjectWaitingForARetryHoldsBackItsLaterEventsButNotOthers() throws SQLException {
        UUID x1 = insert("X");
        insert("X");
        UUID y1 = insert("Y");
        store.markFailed(a, x1, Duration.ofMinutes(5), "broker down");
        a.commit();

        assertEquals(List.of(y1), ids(store.lockPending(b, 10)));
    }

    @Test
    void rowsOfOneBatchAreInWriteOrderAndPublishedOnesAreNotPickedAgain() throws SQLException {
        UUID x1 = insert("X");
        UUID x2 = insert("X");
        List<PendingEvent> batch = store.lockPending(a, 10);
        assertEquals(List.of(x1, x2), ids(batch));
        assertFalse(batch.get(1).blocked(), "X1 is in the same batch, sent first");
        store.markPublished(a, ids(batch));
        a.commit();
        assertEquals(List.of(), store.lockPending(b, 10));
    }

    private UUID insert(String key) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(
                "insert into strato_outbox (id, topic, partition_key, type, source, subject, payload)"
                        + " values (?, 't', ?, 'strato.test.thing.v1', '/test', ?, '{}'::jsonb)")) {
            st.setObject(1, id);
            st.setString(2, key);
            st.setString(3, key);
            st.executeUpdate();
        }
        return id;
    }

    private static List<UUID> ids(List<PendingEvent> rows) {
        return rows.stream().map(PendingEvent::id).toList();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(DB.jdbcUrl(), "postgres", "");
    }
}
