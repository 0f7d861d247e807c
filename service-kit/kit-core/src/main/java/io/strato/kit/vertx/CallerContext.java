package io.strato.kit.vertx;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * The "back to the caller's Vert.x context" hop. A result that completes on another context (a shared
 * request, a worker thread, another request's connection) must be resumed on the context of the caller
 * that waits for it: that is where its Hibernate Reactive session, and so its transaction, lives.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /**
     * An executor that runs tasks on the Vert.x context current NOW (call it on the caller's thread, before
     * the hop), or in place when there is none (a plain thread, a test). For Mutiny: {@code uni.emitOn(CallerContext.capture())}.
     */
    public static Executor capture() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
