package io.strato.volume.snapshots;

import static io.strato.volume.work.BackendWork.await;

import io.strato.volume.backend.Backends;
import io.strato.volume.backend.DriverException;
import io.strato.volume.work.BackendWork;
import io.strato.volume.work.ResourceQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The backend side of accepted snapshot requests, on worker threads, one at a time per snapshot ({@link ResourceQueue});
 * every one ends available, error or gone.
 */
@ApplicationScoped
public class SnapshotWorker {
    private final SnapshotService service;
    private final Backends backends;
    private final ResourceQueue queue;

    public SnapshotWorker(SnapshotService service, Backends backends, ResourceQueue queue) {
        this.queue = queue;
        this.service = service;
        this.backends = backends;
    }

    /** Makes the snapshot; the answer completes when the outcome is reported. */
    public CompletableFuture<Void> create(Snapshot s) {
        UUID id = s.id;
        UUID volumeId = s.volumeId;
        String backend = s.backend;
        return queue.start(id, "creating snapshot " + id, () -> {
            String volume = await(() -> service.volumeLocation(volumeId));
            if (volume == null) {
                throw new DriverException("volume " + volumeId + " has no data to snapshot");
            }
            return backends.driver(backend).createSnapshot(volume, id);
        }, (location, why) -> service.finishCreate(id, location, why));
    }

    public void delete(UUID id) {
        String what = "deleting snapshot " + id;
        queue.submit(id, what, () -> {
            SnapshotService.Deletion d = await(() -> service.deletion(id));
            if (d == null) {
                return;
            }
            BackendWork.settle(what, () -> {
                if (d.snapshot().providerLocation != null) {
                    backends.driver(d.snapshot().backend).deleteSnapshot(d.snapshot().providerLocation, d.childLocation());
                }
            }, why -> service.finishDelete(id, why));
        });
    }
}
