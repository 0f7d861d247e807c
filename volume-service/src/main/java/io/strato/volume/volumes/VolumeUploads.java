package io.strato.volume.volumes;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.images.ImageClient;
import io.strato.volume.types.VolumeType;
import io.strato.volume.types.VolumeTypeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Cinder's os-volume_upload_image (volume/api.py copy_volume_to_image): the volume goes to {@code uploading}
 * (from available, or from in-use with {@code force}), image-service makes a queued image with the user's token
 * (if it refuses, the volume goes back at once), then {@link VolumeWorker#upload} writes the volume's bytes into
 * it and {@link VolumeWorkerResults#finishUpload} returns the volume to available (in-use when attached).
 */
@ApplicationScoped
public class VolumeUploads {
    private final VolumeRecords records;
    private final VolumeRepository volumes;
    private final VolumeTypeRepository types;
    private final ImageClient images;
    private final VolumeWorker worker;

    public VolumeUploads(VolumeRecords records, VolumeRepository volumes, VolumeTypeRepository types, ImageClient images,
                         VolumeWorker worker) {
        this.records = records;
        this.volumes = volumes;
        this.types = types;
        this.images = images;
        this.worker = worker;
    }

    /** Accepts the upload and starts it; the answer is Cinder's, with the new image's id. */
    public Uni<VolumeUploadView> start(Caller caller, boolean admin, String id, UploadImageRequest request, String token,
                                       boolean v31) {
        return accept(caller, admin, id, request.force()).flatMap(accepted -> images.create(request.imageMeta(), token)
                .onFailure().call(e -> rollBack(accepted.volume().id))
                .map(image -> {
                    worker.upload(accepted.volume(), image.id(), request.diskFormat(), token);
                    return VolumeUploadView.of(accepted.volume(), accepted.type(), image, v31);
                }));
    }

    /** A volume moved to uploading, with its type (read in the same transaction, for the answer). */
    record Accepted(Volume volume, VolumeType type) {
    }

    /** The volume, moved to uploading: only from available, or from in-use with force (Cinder's conditional update). */
    @WithTransaction
    Uni<Accepted> accept(Caller caller, boolean admin, String id, boolean force) {
        return records.locked(caller, admin, id).flatMap(v -> {
            boolean allowed = VolumeStatus.AVAILABLE.equals(v.status) || force && VolumeStatus.IN_USE.equals(v.status);
            if (!allowed || v.providerLocation == null) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " status must be "
                        + (force ? "available or in-use" : "available") + " (it is " + v.status + ").");
            }
            v.status = VolumeStatus.UPLOADING;
            v.updatedAt = Instant.now();
            return records.changed("updated", v).chain(() -> types.findById(v.volumeTypeId))
                    .map(type -> new Accepted(v, type));
        });
    }

    /** Back to where the volume was when image-service refused the image. */
    @WithTransaction
    Uni<Void> rollBack(UUID id) {
        return volumes.findById(id).flatMap(v -> {
            if (v == null || !VolumeStatus.UPLOADING.equals(v.status)) {
                return Uni.createFrom().voidItem();
            }
            v.status = VolumeStatus.afterUpload(v);
            v.updatedAt = Instant.now();
            return records.changed("updated", v).replaceWithVoid();
        });
    }
}
