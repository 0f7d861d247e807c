package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import io.strato.kit.vertx.CallerContext;
import io.strato.network.config.NetworkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Lets at most {@link #width()} port creates of one project into the database at a time
 * ({@code strato.network.port-creates-per-project}); the others wait here, in memory, in arrival order. A burst
 * (compute creating ports for a hundred servers) would otherwise take every pooled connection and starve every
 * other request until the pool's 30 s acquisition timeout. Correctness does not rest on this queue: the database
 * constraints and locks hold across instances; this only keeps one project's burst from occupying the pool.
 */
@ApplicationScoped
public class ProjectQueue {
    private final int width;

    private static final class Lane {
        int running;
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    }

    private final Map<String, Lane> lanes = new HashMap<>();

    @Inject
    public ProjectQueue(NetworkConfig config) {
        this(config.portCreatesPerProject());
    }

    ProjectQueue(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("strato.network.port-creates-per-project must be at least 1, not " + width);
        }
        this.width = width;
    }

    /** How many creates of one project run at once. */
    public int width() {
        return width;
    }

    /** Runs {@code work} once fewer than {@link #width()} of the project's are running, on the caller's Vert.x context. */
    public <T> Uni<T> run(String projectId, Supplier<Uni<? extends T>> work) {
        Executor caller = CallerContext.capture();
        String key = String.valueOf(projectId);
        // the place is given back exactly once, whether the create ends, fails or is cancelled while it waits
        AtomicBoolean entered = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        AtomicBoolean left = new AtomicBoolean();
        Runnable leaveOnce = () -> {
            if (left.compareAndSet(false, true)) {
                leave(key);
            }
        };
        return Uni.createFrom().<Void>emitter(e -> enter(key, () -> {
                    Runnable start = () -> {
                        entered.set(true);
                        if (ended.get()) {
                            leaveOnce.run();
                        } else {
                            e.complete(null);
                        }
                    };
                    caller.execute(start);
                }))
                .<T>chain(() -> Uni.createFrom().deferred(work))
                .onTermination().invoke(() -> {
                    ended.set(true);
                    if (entered.get()) {
                        leaveOnce.run();
                    }
                });
    }

    /** How many of the project's creates are running or waiting (for tests and metrics). */
    synchronized int load(String projectId) {
        Lane lane = lanes.get(projectId);
        return lane == null ? 0 : lane.running + lane.waiting.size();
    }

    private void enter(String key, Runnable start) {
        boolean now;
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
            now = lane.running < width;
            if (now) {
                lane.running++;
            } else {
                lane.waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
    }

    /** Hands the freed place to the next waiting create, or gives it back. */
    private void leave(String key) {
        Runnable next;
        synchronized (this) {
            Lane lane = lanes.get(key);
            if (lane == null) {
                return;
            }
            next = lane.waiting.poll();
            if (next == null && --lane.running == 0) {
                lanes.remove(key);
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
