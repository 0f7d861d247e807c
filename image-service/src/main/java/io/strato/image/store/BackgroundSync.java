package io.strato.image.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.file.AsyncFile;

/**
 * Flushes (fdatasync) a file being written every {@code every} bytes, in the background, one flush at a time. The
 * kernel otherwise keeps a whole upload in dirty pages (its writeback starts at a tenth of memory) and writes it to
 * disk only at the final flush, after the last byte came in: a 1 GiB upload then waited ~2 s for the disk at its end.
 * Flushed as it goes, the disk writes while the bytes arrive, and the final flush has only the tail left.
 * Used by one upload's event loop only; a failed flush fails the upload at {@link #settled()}.
 */
final class BackgroundSync {
    private final AsyncFile file;
    private final long every;
    private long sinceLast;
    private boolean running;
    private Throwable failure;
    private Runnable whenIdle;

    BackgroundSync(AsyncFile file, long every) {
        this.file = file;
        this.every = every;
    }

    /** Counts {@code bytes} more handed to the file; starts a flush when {@code every} have been since the last one began. */
    void wrote(long bytes) {
        sinceLast += bytes;
        if (running || sinceLast < every) {
            return;
        }
        sinceLast = 0;
        running = true;
        file.flush().subscribe().with(ok -> idle(null), this::idle);
    }

    private void idle(Throwable error) {
        running = false;
        if (error != null && failure == null) {
            failure = error;
        }
        if (whenIdle != null) {
            Runnable then = whenIdle;
            whenIdle = null;
            then.run();
        }
    }

    /** Ends once no background flush runs; fails with the first one that failed. */
    Uni<Void> settled() {
        return Uni.createFrom().<Void>emitter(e -> {
            Runnable answer = () -> {
                if (failure != null) {
                    e.fail(failure);
                } else {
                    e.complete(null);
                }
            };
            if (running) {
                whenIdle = answer;
            } else {
                answer.run();
            }
        });
    }
}
