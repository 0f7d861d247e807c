package io.strato.volume.volumes;

import static io.strato.volume.work.BackendWork.await;

import io.strato.volume.work.InterruptedWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Settles the volumes a stop interrupted (at start, through {@code work/Recovery}), so none stays in a transient
 * status: a delete is resumed (the backend forgets a missing file), a create or an extend is failed with the
 * reason, an upload to an image gives the volume back (snapshots: {@code snapshots/SnapshotRecovery}).
 */
@ApplicationScoped
public class VolumeRecovery implements InterruptedWork {
    /** The status reason of what a restart interrupted. */
    public static final String INTERRUPTED = "interrupted by a restart of volume-service";

    private final VolumeWorkerResults service;
    private final VolumeWorker worker;

    public VolumeRecovery(VolumeWorkerResults service, VolumeWorker worker) {
        this.service = service;
        this.worker = worker;
    }

    @Override
    public String what() {
        return "volume(s)";
    }

    @Override
    public int settle(Instant startedAt) {
        List<Volume> left = await(() -> service.interrupted(startedAt));
        for (Volume v : left) {
            switch (v.status) {
                case VolumeStatus.DELETING -> worker.delete(v.id);
                case VolumeStatus.CREATING -> await(
                        () -> service.finishCreate(v.id, v.providerLocation, INTERRUPTED));
                case VolumeStatus.EXTENDING -> await(
                        () -> service.finishExtend(v.id, INTERRUPTED));
                // the image stays queued in image-service: without the user's token it is theirs to delete
                case VolumeStatus.UPLOADING -> await(
                        () -> service.finishUpload(v.id, INTERRUPTED));
                default -> { }
            }
        }
        return left.size();
    }
}
