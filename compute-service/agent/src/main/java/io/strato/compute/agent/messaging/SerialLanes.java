package io.strato.compute.agent.messaging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a small pool, one lane per key: tasks of one key (one server) run one after another in
 * submission order; tasks of different keys run side by side. Commands and reconciliation checks of a
 * server share its lane, so a check never looks at a domain halfway through a command.
 */
public final class SerialLanes implements AutoCloseable {

    private final ExecutorService pool;
    private final Map<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public SerialLanes(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "agent-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code task} behind the earlier tasks of {@code key}; the future completes when it ran. */
    public CompletableFuture<Void> submit(Object key, Runnable task) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] mine = new CompletableFuture[1];
        tails.compute(key, (k, previous) -> {
            CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null)
                    : previous.handle((v, e) -> null); // a failed task does not block its lane
            mine[0] = after.thenRunAsync(task, pool);
            return mine[0];
        });
        mine[0].whenComplete((v, e) -> tails.remove(key, mine[0]));
        return mine[0];
    }

    /** Keys with queued or running tasks. */
    public int busyLanes() {
        return tails.size();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
