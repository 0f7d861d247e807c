package io.strato.volume.groups;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.strato.volume.work.BackendWork;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A group's work waits for its members': when every member's backend work has reported, the group settles. */
final class GroupWork {
    private GroupWork() {
    }

    /** Runs {@code settle} (a status change in its own transaction) once all of {@code members} completed. */
    static void whenDone(String what, List<CompletableFuture<Void>> members, Supplier<Uni<Void>> settle) {
        CompletableFuture.allOf(members.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> BackendWork.run(what, () -> BackendWork.await(settle)), Infrastructure.getDefaultWorkerPool());
    }
}
