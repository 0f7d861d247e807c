package io.strato.volume.volumes;

import static io.strato.volume.work.BackendWork.await;

import io.strato.volume.backend.Backends;
import io.strato.volume.backend.Driver;
import io.strato.volume.backend.DriverException;
import io.strato.volume.images.ImageClient;
import io.strato.volume.work.BackendWork;
import io.strato.volume.work.ResourceQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Runs the backend side of accepted volume requests on worker threads (qemu-img blocks), one at a time per volume
 * ({@link ResourceQueue}), after the request's transaction committed, and reports the outcome to {@link VolumeWorkerResults}: every operation
 * ends in a stable status (available, or error/error_extending/error_deleting with the reason).
 */
@ApplicationScoped
public class VolumeWorker {
    private static final Logger LOG = Logger.getLogger(VolumeWorker.class);

    private final VolumeWorkerResults service;
    private final Backends backends;
    private final ImageClient images;
    private final ResourceQueue queue;

    public VolumeWorker(VolumeWorkerResults service, Backends backends, ImageClient images, ResourceQueue queue) {
        this.queue = queue;
        this.service = service;
        this.backends = backends;
        this.images = images;
    }

    /**
     * Makes the volume's data: blank, a copy of its snapshot or source volume, or an image converted from image-service
     * (read with {@code token}, the requesting user's, and {@code image}'s disk format).
     */
    public CompletableFuture<Void> create(Volume v, ImageClient.ImageInfo image, String token) {
        UUID id = v.id;
        String backend = v.backend;
        int size = v.size;
        UUID snapshot = v.snapshotId;
        UUID sourceVolume = v.sourceVolid;
        return queue.start(id, "creating volume " + id, () -> {
            Driver driver = backends.driver(backend);
            if (snapshot != null) {
                String from = await(() -> service.snapshotLocation(snapshot));
                if (from == null) {
                    throw new DriverException("snapshot " + snapshot + " has no data");
                }
                return driver.createFromSnapshot(id, from, size);
            } else if (sourceVolume != null) {
                String from = await(() -> service.volumeLocation(sourceVolume));
                if (from == null) {
                    throw new DriverException("volume " + sourceVolume + " has no data");
                }
                return driver.createFromVolume(id, from, size);
            } else if (image != null) {
                return fromImage(driver, id, image, token, size);
            }
            return driver.create(id, size);
        }, (location, why) -> service.finishCreate(id, location, why, image != null));
    }

    private String fromImage(Driver driver, UUID id, ImageClient.ImageInfo image, String token, int size) {
        Path scratch = driver.scratch(id);
        try {
            images.download(image.id(), token, scratch);
            return driver.createFromImage(id, scratch, image.diskFormat(), size);
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                LOG.warnf("could not remove the download %s: %s", scratch, e.getMessage());
            }
        }
    }

    /**
     * Writes the volume's bytes into the queued image {@code imageId} in {@code diskFormat} (converted on a
     * scratch file, then uploaded with the user's {@code token}); an image left empty by a failure is deleted,
     * as Cinder's manager does.
     */
    public void upload(Volume v, String imageId, String diskFormat, String token) {
        UUID id = v.id;
        String backend = v.backend;
        String location = v.providerLocation;
        queue.start(id, "uploading volume " + id + " to image " + imageId, () -> {
            Driver driver = backends.driver(backend);
            Path scratch = driver.scratch(id).resolveSibling("upload-" + id + "." + diskFormat);
            try {
                driver.copyToImage(location, scratch, diskFormat);
                images.upload(imageId, token, scratch);
            } catch (DriverException e) {
                try {
                    images.delete(imageId, token);
                } catch (IOException | InterruptedException | RuntimeException undo) {
                    LOG.warnf("could not delete image %s after its failed upload: %s", imageId, undo.getMessage());
                }
                throw e;
            } finally {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException e) {
                    LOG.warnf("could not remove the upload file %s: %s", scratch, e.getMessage());
                }
            }
        }, why -> service.finishUpload(id, why));
    }

    public void extend(Volume v) {
        UUID id = v.id;
        String backend = v.backend;
        String location = v.providerLocation;
        int size = v.extendingTo;
        queue.start(id, "extending volume " + id, () -> backends.driver(backend).extend(location, size),
                why -> service.finishExtend(id, why));
    }

    public void delete(UUID id) {
        String what = "deleting volume " + id;
        queue.submit(id, what, () -> {
            Volume v = await(() -> service.stillDeleting(id));
            if (v == null) {
                return;
            }
            BackendWork.settle(what, () -> {
                if (v.providerLocation != null) {
                    // a volume is deleted only without snapshots, unless its whole project goes: then its chain goes too
                    backends.driver(v.backend).deleteWithChain(v.providerLocation);
                }
            }, why -> service.finishDelete(id, why));
        });
    }
}
