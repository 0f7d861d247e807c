package io.strato.compute.agent.handlers;

import io.strato.compute.agent.config.AgentConfig;
import io.strato.compute.agent.images.ImageClient;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.QemuImg;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * snapshot (Nova's {@code snapshot_instance}): the server's root disk, its overlay and the cached base image under
 * it, becomes one standalone qcow2 file ({@code qemu-img convert}, the backing chain flattened), whose bytes are
 * uploaded to the image compute-service created, after its disk and container format are set. A running guest is
 * paused for the copy and resumed at once (before the upload): pausing makes QEMU drain and flush every disk, so
 * the file holds what the guest had written when it stopped, and {@code -U} lets qemu-img read it while QEMU keeps
 * it open. A paused guest stays paused; a stopped or suspended one has no QEMU process and is copied as it is. A
 * failed snapshot deletes the image and leaves the guest as it was. Nothing of the copy stays on the host. The same
 * command again finds the image active and succeeds without touching it.
 */
@Singleton
public class SnapshotHandler extends HandlerBase<Commands.Snapshot> {

    private static final Logger LOG = Logger.getLogger(SnapshotHandler.class);

    private final QemuImg qemuImg;
    private final ImageClient images;
    private final Duration copyTimeout;

    @Inject
    SnapshotHandler(GuestControl guests, QemuImg qemuImg, ImageClient images, AgentConfig config) {
        this(guests, qemuImg, images, config.snapshotCopyTimeout());
    }

    public SnapshotHandler(GuestControl guests, QemuImg qemuImg, ImageClient images, Duration copyTimeout) {
        super(Commands.SNAPSHOT, Commands.Snapshot.class, guests);
        this.qemuImg = qemuImg;
        this.images = images;
        this.copyTimeout = copyTimeout;
    }

    @Override
    public Outcome handle(Commands.Snapshot command) {
        return take(command.serverId(), command.imageId(), command.containerFormat());
    }

    /** The snapshot of server {@code id} into image {@code imageId} (a backup's too). */
    Outcome take(UUID id, UUID imageId, String containerFormat) {
        if (guests.domain(id).isEmpty()) {
            discard(imageId);
            return noDomain(id);
        }
        Path copy = guests.store().dir(id).resolve("snapshot-" + imageId + ".part");
        long started = System.nanoTime();
        try {
            InstanceRecord record = guests.record(id);
            if ("active".equals(images.state(imageId).status())) {
                // the command came again after its upload finished (at-least-once delivery): the snapshot is there
                return Outcome.done(guests.power(id), "image " + imageId + " holds the snapshot already");
            }
            copyDisk(id, copy);
            long bytes = Files.size(copy);
            long copied = System.nanoTime();
            images.setFormats(imageId, diskFormat(record), containerFormat(containerFormat));
            images.upload(imageId, copy);
            LOG.infof("snapshot of %s: image %s, %d bytes, copied in %d ms, uploaded in %d ms", id, imageId, bytes,
                    (copied - started) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
            return Outcome.done(guests.power(id), "snapshot uploaded to image " + imageId + " (" + bytes + " bytes)");
        } catch (RuntimeException | IOException e) {
            discard(imageId);
            return Outcome.failed(guests.power(id), "Snapshot of instance " + id + " to image " + imageId + " failed: "
                    + e.getMessage());
        } finally {
            deleteQuietly(copy);
        }
    }

    /** Copies the root disk into {@code copy}; a running guest is paused meanwhile, and runs again afterwards. */
    private void copyDisk(UUID id, Path copy) {
        DomainPower before = guests.power(id);
        boolean inUse = before.active(); // a QEMU process holds the disk open (and locked)
        boolean pause = inUse && before != DomainPower.PAUSED;
        if (pause) {
            DomainPower now = guests.libvirt().pause(id);
            if (now != DomainPower.PAUSED) {
                throw new IllegalStateException("the domain did not pause for the snapshot (it is " + now + ")");
            }
        }
        try {
            qemuImg.convertToQcow2(guests.store().disk(id), "qcow2", copy, inUse, copyTimeout);
        } finally {
            if (pause) {
                guests.libvirt().unpause(id);
            }
        }
    }

    /** Nova's libvirt driver: the snapshot is in the disk's own format, qcow2, except that Glance keeps ami as ami. */
    static String diskFormat(InstanceRecord record) {
        return record.image() != null && "ami".equalsIgnoreCase(record.image().diskFormat()) ? "ami" : "qcow2";
    }

    private static String containerFormat(String given) {
        return given == null || given.isBlank() ? "bare" : given;
    }

    /** Nova's compute manager deletes the image of a failed snapshot; an image already gone is fine. */
    private void discard(UUID imageId) {
        try {
            images.delete(imageId);
        } catch (RuntimeException e) {
            LOG.warnf("could not delete image %s of a failed snapshot: %s", imageId, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not remove the snapshot copy %s: %s", file, e.getMessage());
        }
    }
}
