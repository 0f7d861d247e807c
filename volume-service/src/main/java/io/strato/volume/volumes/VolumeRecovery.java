package io.strato.volume.volumes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.strato.volume.snapshots.Snapshot;
import io.strato.volume.snapshots.SnapshotService;
import io.strato.volume.snapshots.SnapshotWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, settles the volumes a stop interrupted, so none stays in a transient status: a delete is
 * resumed (the backend forgets a missing file), a create or an extend is failed with the reason;
 * snapshots the same way
 * (its partial file, if any, goes with the volume's delete).
 */
@ApplicationScoped
public class VolumeRecovery {
    private static final Logger LOG = Logger.getLogger(VolumeRecovery.class);
    static final String INTERRUPTED = "interrupted by a restart of volume-service";

    private final VolumeService service;
    private final VolumeWorker worker;

    private final SnapshotService snapshots;
    private final SnapshotWorker snapshotWorker;

    public VolumeRecovery(VolumeService service, VolumeWorker worker, SnapshotService snapshots, SnapshotWorker snapshotWorker) {
        this.service = service;
        this.worker = worker;
        this.snapshots = snapshots;
        this.snapshotWorker = snapshotWorker;
    }

    void onStart(@Observes StartupEvent started) {
        Instant now = Instant.now();
        Infrastructure.getDefaultWorkerPool().execute(() -> settle(now));
    }

    /** Settles what was left transient before {@code startedAt} (later changes belong to this process). */
    void settle(Instant startedAt) {
        try {
            List<Volume> left = VertxContextSupport.subscribeAndAwait(() -> service.interrupted(startedAt));
            for (Volume v : left) {
                switch (v.status) {
                    case VolumeStatus.DELETING -> worker.delete(v.id);
                    case VolumeStatus.CREATING -> VertxContextSupport.subscribeAndAwait(
                            () -> service.finishCreate(v.id, v.providerLocation, INTERRUPTED));
                    case VolumeStatus.EXTENDING -> VertxContextSupport.subscribeAndAwait(
                            () -> service.finishExtend(v.id, INTERRUPTED));
                    default -> { }
                }
            }
            List<Snapshot> snaps = VertxContextSupport.subscribeAndAwait(() -> snapshots.interrupted(startedAt));
            for (Snapshot s : snaps) {
                if (VolumeStatus.DELETING.equals(s.status)) {
                    snapshotWorker.delete(s.id);
                } else {
                    VertxContextSupport.subscribeAndAwait(() -> snapshots.finishCreate(s.id, s.providerLocation, INTERRUPTED));
                }
            }
            if (!left.isEmpty() || !snaps.isEmpty()) {
                LOG.infof("settled %d volume(s) and %d snapshot(s) left in a transient status", left.size(), snaps.size());
            }
        } catch (Throwable e) {
            LOG.error("could not settle the volumes a stop interrupted", e);
        }
    }
}
