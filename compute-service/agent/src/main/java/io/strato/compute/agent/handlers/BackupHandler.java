package io.strato.compute.agent.handlers;

import io.strato.compute.agent.images.ImageClient;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * backup (Nova's backup_instance): the snapshot of {@link SnapshotHandler}, then the rotation of Nova's compute
 * manager: the server's backups of the same type (the new image's owner's images with {@code image_type=backup},
 * {@code backup_type} and {@code instance_uuid}), newest first, are kept up to {@code rotation} and the older ones
 * deleted (rotation 0 deletes the new backup too). An image that cannot be deleted is logged and skipped, as Nova does.
 */
@Singleton
public class BackupHandler extends HandlerBase<Commands.Backup> {

    private static final Logger LOG = Logger.getLogger(BackupHandler.class);

    private final SnapshotHandler snapshots;
    private final ImageClient images;

    public BackupHandler(GuestControl guests, SnapshotHandler snapshots, ImageClient images) {
        super(Commands.BACKUP, Commands.Backup.class, guests);
        this.snapshots = snapshots;
        this.images = images;
    }

    @Override
    public Outcome handle(Commands.Backup command) {
        Outcome snapshot = snapshots.take(command.serverId(), command.imageId(), command.containerFormat());
        if (!snapshot.success()) {
            return snapshot;
        }
        try {
            int deleted = rotate(command);
            return Outcome.done(snapshot.power(), snapshot.message() + "; rotation " + command.rotation() + ": "
                    + deleted + " older backup(s) deleted");
        } catch (RuntimeException e) {
            LOG.warnf("backup %s of %s: the rotation failed: %s", command.imageId(), command.serverId(), e.getMessage());
            return Outcome.done(snapshot.power(), snapshot.message() + "; the rotation failed: " + e.getMessage());
        }
    }

    private int rotate(Commands.Backup command) {
        String owner = images.state(command.imageId()).owner();
        List<UUID> backups = images.find(owner, Map.of("image_type", "backup", "backup_type", command.backupType(),
                "instance_uuid", command.serverId().toString()));
        int deleted = 0;
        for (UUID old : backups.subList(Math.min(Math.max(command.rotation(), 0), backups.size()), backups.size())) {
            try {
                if (images.delete(old)) {
                    deleted++;
                }
            } catch (RuntimeException e) {
                LOG.infof("backup rotation of %s: image %s was not deleted (%s); going on", command.serverId(), old,
                        e.getMessage());
            }
        }
        return deleted;
    }
}
