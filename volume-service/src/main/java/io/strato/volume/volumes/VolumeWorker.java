package io.strato.volume.volumes;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.strato.volume.backend.Backends;
import io.strato.volume.backend.DriverException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs the backend side of accepted volume requests on worker threads (qemu-img blocks), after the
 * request's transaction committed, and reports the outcome to {@link VolumeService}: every operation
 * ends in a stable status (available, or error/error_extending/error_deleting with the reason).
 */
@ApplicationScoped
public class VolumeWorker {
    private static final Logger LOG = Logger.getLogger(VolumeWorker.class);

    private final VolumeService service;
    private final Backends backends;

    public VolumeWorker(VolumeService service, Backends backends) {
        this.service = service;
        this.backends = backends;
    }

    public void create(Volume v) {
        UUID id = v.id;
        String backend = v.backend;
        int size = v.size;
        run("create " + id, () -> {
            String location = null;
            String reason = null;
            try {
                location = backends.driver(backend).create(id, size);
            } catch (DriverException e) {
                reason = e.getMessage();
                LOG.warnf("creating volume %s failed: %s", id, reason);
            }
            String loc = location;
            String why = reason;
            await(() -> service.finishCreate(id, loc, why));
        });
    }

    public void extend(Volume v) {
        UUID id = v.id;
        String backend = v.backend;
        String location = v.providerLocation;
        int size = v.extendingTo;
        run("extend " + id, () -> {
            String reason = null;
            try {
                backends.driver(backend).extend(location, size);
            } catch (DriverException e) {
                reason = e.getMessage();
                LOG.warnf("extending volume %s failed: %s", id, reason);
            }
            String why = reason;
            await(() -> service.finishExtend(id, why));
        });
    }

    public void delete(UUID id) {
        run("delete " + id, () -> {
            Volume v = await(() -> service.stillDeleting(id));
            if (v == null) {
                return;
            }
            String reason = null;
            try {
                if (v.providerLocation != null) {
                    backends.driver(v.backend).delete(v.providerLocation);
                }
            } catch (DriverException e) {
                reason = e.getMessage();
                LOG.warnf("deleting volume %s failed: %s", id, reason);
            }
            String why = reason;
            await(() -> service.finishDelete(id, why));
        });
    }

    private static void run(String what, Runnable work) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // the status stays transient; the next start of the service resolves it (see VolumeRecovery)
                LOG.errorf(e, "volume work '%s' could not record its outcome", what);
            }
        });
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
