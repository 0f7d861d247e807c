package io.strato.volume.volumes;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.strato.volume.backend.Backends;
import io.strato.volume.backend.Driver;
import io.strato.volume.backend.DriverException;
import io.strato.volume.images.ImageClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final ImageClient images;

    public VolumeWorker(VolumeService service, Backends backends, ImageClient images) {
        this.service = service;
        this.backends = backends;
        this.images = images;
    }

    /**
     * Makes the volume's data: blank, a copy of its snapshot or source volume, or an image converted from image-service
     * (read with {@code token}, the requesting user's, and {@code image}'s disk format).
     */
    public void create(Volume v, ImageClient.ImageInfo image, String token) {
        UUID id = v.id;
        String backend = v.backend;
        int size = v.size;
        UUID snapshot = v.snapshotId;
        UUID sourceVolume = v.sourceVolid;
        run("create " + id, () -> {
            String location = null;
            String reason = null;
            try {
                Driver driver = backends.driver(backend);
                if (snapshot != null) {
                    String from = await(() -> service.snapshotLocation(snapshot));
                    if (from == null) {
                        throw new DriverException("snapshot " + snapshot + " has no data");
                    }
                    location = driver.createFromSnapshot(id, from, size);
                } else if (sourceVolume != null) {
                    String from = await(() -> service.volumeLocation(sourceVolume));
                    if (from == null) {
                        throw new DriverException("volume " + sourceVolume + " has no data");
                    }
                    location = driver.createFromVolume(id, from, size);
                } else if (image != null) {
                    location = fromImage(driver, id, image, token, size);
                } else {
                    location = driver.create(id, size);
                }
            } catch (DriverException e) {
                reason = e.getMessage();
                LOG.warnf("creating volume %s failed: %s", id, reason);
            }
            String loc = location;
            String why = reason;
            await(() -> service.finishCreate(id, loc, why, image != null));
        });
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
                    // a volume is deleted only without snapshots, unless its whole project goes: then its chain goes too
                    backends.driver(v.backend).deleteWithChain(v.providerLocation);
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
