package io.strato.kit.data.outbox;

import io.strato.kit.events.EventsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka. Each round locks up to {@code batch-size} unpublished rows
 * ({@code FOR UPDATE SKIP LOCKED}, so several instances can relay at once), sends them, and in the
 * same JDBC transaction marks acknowledged rows published and failed rows for a later attempt with
 * exponential back-off. Published rows are purged after {@code strato.events.relay.retention}.
 */
@ApplicationScoped
class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ROUND_BUDGET_MS = 2000;

    private final DataSource dataSource;
    private final OutboxStore store;
    private final RelayPublisher publisher;
    private final EventsConfig config;
    private ScheduledExecutorService executor;
    private volatile long lastWarning;

    OutboxRelay(DataSource dataSource, OutboxStore store, RelayPublisher publisher, EventsConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.publisher = publisher;
        this.config = config;
    }

    /*
     * Quarkus' scheduler does not run jobs more often than once a second, so the relay has its own
     * thread: it also keeps the blocking JDBC and Kafka calls away from the event loop.
     */
    void start(@Observes StartupEvent ignored) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled (strato.events.relay.enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "strato-outbox-relay");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, config.relay().interval().toMillis());
        executor.scheduleWithFixedDelay(this::relay, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void relay() {
        long deadline = System.currentTimeMillis() + ROUND_BUDGET_MS;
        try {
            // keep going while full batches are published, to catch up after an outage
            while (relayOnce() >= config.relay().batchSize() && System.currentTimeMillis() < deadline
                    && !executor.isShutdown()) {
                LOG.debug("outbox relay: catching up");
            }
        } catch (Exception e) {
            long now = System.currentTimeMillis();
            if (now - lastWarning > 30_000) { // the relay retries 5 times a second: don't flood the log
                lastWarning = now;
                LOG.warnf("outbox relay round failed, retrying: %s", e.getMessage());
            }
        }
    }

    /** One round; returns the number of rows acknowledged by Kafka. */
    int relayOnce() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<PendingEvent> rows = store.lockPending(c, config.relay().batchSize());
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                Map<UUID, String> outcome = publisher.publish(rows);
                List<UUID> published = new ArrayList<>();
                for (PendingEvent row : rows) {
                    if (!outcome.containsKey(row.id())) {
                        continue;
                    }
                    String error = outcome.get(row.id());
                    if (error == null) {
                        published.add(row.id());
                    } else {
                        store.markFailed(c, row.id(), backoff(row.attempts() + 1), error);
                    }
                }
                store.markPublished(c, published);
                c.commit();
                return published.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    Duration backoff(int attempt) {
        Duration max = config.relay().maxBackoff();
        Duration d = config.relay().initialBackoff();
        for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    @Scheduled(identity = "strato-outbox-purge", every = "10m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    void purge() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            int outbox = store.purgePublished(c, config.relay().retention());
            int processed = store.purgeProcessed(c, config.consumer().processedRetention());
            LOG.debugf("purged %d published outbox rows and %d processed event ids", outbox, processed);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox purge failed: %s", e.getMessage());
        }
    }
}
