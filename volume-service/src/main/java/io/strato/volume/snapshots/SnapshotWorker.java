package io.strato.volume.snapshots;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.strato.volume.backend.Backends;
import io.strato.volume.backend.DriverException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** The backend side of accepted snapshot requests, on worker threads; every one ends available, error or gone. */
@ApplicationScoped
public class SnapshotWorker {
    private static final Logger LOG = Logger.getLogger(SnapshotWorker.class);

    private final SnapshotService service;
    private final Backends backends;

    public SnapshotWorker(SnapshotService service, Backends backends) {
        this.service = service;
        this.backends = backends;
    }

    public void create(Snapshot s) {
        UUID id = s.id;
        UUID volumeId = s.volumeId;
        String backend = s.backend;
        run("snapshot " + id, () -> {
            String location = null;
            String reason = null;
            try {
                String volume = await(() -> service.volumeLocation(volumeId));
                if (volume == null) {
                    throw new DriverException("volume " + volumeId + " has no data to snapshot");
                }
                location = backends.driver(backend).createSnapshot(volume, id);
            } catch (DriverException e) {
                reason = e.getMessage();
                LOG.warnf("creating snapshot %s failed: %s", id, reason);
            }
            String loc = location;
            String why = reason;
            await(() -> service.finishCreate(id, loc, why));
        });
    }

    public void delete(UUID id) {
        run("delete snapshot " + id, () -> {
            SnapshotService.Deletion d = await(() -> service.deletion(id));
            if (d == null) {
                return;
            }
            String reason = null;
            try {
                if (d.snapshot().providerLocation != null) {
                    backends.driver(d.snapshot().backend).deleteSnapshot(d.snapshot().providerLocation, d.childLocation());
                }
            } catch (DriverException e) {
                reason = e.getMessage();
                LOG.warnf("deleting snapshot %s failed: %s", id, reason);
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
                LOG.errorf(e, "'%s' could not record its outcome", what);
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
