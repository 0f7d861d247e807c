package io.strato.volume.snapshots;

import static io.strato.volume.work.BackendWork.await;

import io.strato.volume.volumes.VolumeRecovery;
import io.strato.volume.volumes.VolumeStatus;
import io.strato.volume.work.InterruptedWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Settles the snapshots a stop interrupted, as {@link VolumeRecovery} does volumes: a delete is resumed, a create
 * is failed with the reason (its partial file, if any, goes with the volume's delete).
 */
@ApplicationScoped
public class SnapshotRecovery implements InterruptedWork {
    private final SnapshotService service;
    private final SnapshotWorker worker;

    public SnapshotRecovery(SnapshotService service, SnapshotWorker worker) {
        this.service = service;
        this.worker = worker;
    }

    @Override
    public String what() {
        return "snapshot(s)";
    }

    @Override
    public int settle(Instant startedAt) {
        List<Snapshot> left = await(() -> service.interrupted(startedAt));
        for (Snapshot s : left) {
            if (VolumeStatus.DELETING.equals(s.status)) {
                worker.delete(s.id);
            } else {
                await(
                        () -> service.finishCreate(s.id, s.providerLocation, VolumeRecovery.INTERRUPTED));
            }
        }
        return left.size();
    }
}
