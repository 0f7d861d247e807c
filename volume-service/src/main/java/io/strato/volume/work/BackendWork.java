package io.strato.volume.work;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.strato.volume.backend.DriverException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The backend side of an accepted request, run after the request's transaction committed, on a worker thread
 * (drivers block), and settled: the driver's outcome, its result or the reason it failed, is reported back to the
 * service, which moves the record to a stable status. When even the report fails, the status stays transient and
 * the next start of the service resolves it (see VolumeRecovery).
 */
public final class BackendWork {
    private static final Logger LOG = Logger.getLogger(BackendWork.class);

    private BackendWork() {
    }

    /** Reports a settled operation: its result (null when it failed) and why it failed (null when it did not). */
    @FunctionalInterface
    public interface Report<T> {
        Uni<Void> report(T result, String reason);
    }

    /** Runs {@code work} on a worker thread; logs it when it could not record its outcome. */
    public static void submit(String what, Runnable work) {
        Infrastructure.getDefaultWorkerPool().execute(() -> run(what, work));
    }

    /** Runs {@code work} on this thread; logs it when it could not record its outcome. */
    public static void run(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "'%s' could not record its outcome", what);
        }
    }

    /** {@link #settle(String, Supplier, Report)} on a worker thread. */
    public static <T> void start(String what, Supplier<T> driverWork, Report<T> report) {
        submit(what, () -> settle(what, driverWork, report));
    }

    /** {@link #settle(String, Runnable, Function)} on a worker thread. */
    public static void start(String what, Runnable driverWork, Function<String, Uni<Void>> report) {
        submit(what, () -> settle(what, driverWork, report));
    }

    /**
     * Runs {@code driverWork} on this thread and waits for {@code report} of its result, or of the reason of the
     * {@link DriverException} it threw (logged); anything else it throws goes unreported.
     */
    public static <T> void settle(String what, Supplier<T> driverWork, Report<T> report) {
        T result = null;
        String reason = null;
        try {
            result = driverWork.get();
        } catch (DriverException e) {
            reason = e.getMessage();
            LOG.warnf("%s failed: %s", what, reason);
        }
        T settled = result;
        String why = reason;
        await(() -> report.report(settled, why));
    }

    /** As {@link #settle(String, Supplier, Report)} for driver work without a result. */
    public static void settle(String what, Runnable driverWork, Function<String, Uni<Void>> report) {
        settle(what, () -> {
            driverWork.run();
            return null;
        }, (none, why) -> report.apply(why));
    }

    /** The item of {@code work}, run on a Vert.x context and awaited here (a worker thread). */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
