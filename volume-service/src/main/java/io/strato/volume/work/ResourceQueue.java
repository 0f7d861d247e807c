package io.strato.volume.work;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The backend work of one volume or snapshot, one piece at a time in the order accepted, on worker threads: a delete
 * an admin forces while the resource's create (or extend, or upload) still runs starts when that work has ended and
 * reported, so it never removes a file under a running qemu-img nor misses the file the create made.
 */
@ApplicationScoped
public class ResourceQueue {
    private final ConcurrentHashMap<UUID, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} (as {@link BackendWork#submit}) after the work already queued for {@code id}; the answer
     * completes when it has run (and reported), so a group's work can wait for its members'.
     */
    public CompletableFuture<Void> submit(UUID id, String what, Runnable work) {
        CompletableFuture<Void> next = tails.compute(id, (key, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenRunAsync(() -> BackendWork.run(what, work), Infrastructure.getDefaultWorkerPool()));
        // registered after compute stored it, so the entry of finished work always goes
        next.whenComplete((none, e) -> tails.remove(id, next));
        return next;
    }

    /** {@link BackendWork#settle(String, Supplier, BackendWork.Report)} queued for {@code id}. */
    public <T> CompletableFuture<Void> start(UUID id, String what, Supplier<T> driverWork, BackendWork.Report<T> report) {
        return submit(id, what, () -> BackendWork.settle(what, driverWork, report));
    }

    /** {@link BackendWork#settle(String, Runnable, Function)} queued for {@code id}. */
    public CompletableFuture<Void> start(UUID id, String what, Runnable driverWork,
                                         Function<String, Uni<Void>> report) {
        return submit(id, what, () -> BackendWork.settle(what, driverWork, report));
    }
}
