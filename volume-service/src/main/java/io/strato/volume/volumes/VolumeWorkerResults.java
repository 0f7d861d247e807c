package io.strato.volume.volumes;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.volume.backend.StorageFull;
import io.strato.volume.messages.UserMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@link VolumeWorker} reads before its backend work and reports after it, each in its own transaction: a
 * report moves the volume from its transient status (creating, extending, deleting, uploading) to a stable one, with its
 * event, and is ignored when the volume is no longer in that status. A report locks the row first, so an admin's
 * reset or forced delete committed meanwhile is seen, never overwritten. {@link VolumeRecovery} reports here too.
 */
@ApplicationScoped
public class VolumeWorkerResults {
    private final VolumeRepository volumes;
    private final SnapshotLookup snapshots;
    private final VolumeRecords records;
    private final UserMessages messages;

    public VolumeWorkerResults(VolumeRepository volumes, SnapshotLookup snapshots, VolumeRecords records,
                               UserMessages messages) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.records = records;
        this.messages = messages;
    }

    /** Where the worker copies a clone from: the source volume's file, or null. */
    @WithSession
    public Uni<String> volumeLocation(UUID volumeId) {
        return volumes.findById(volumeId).map(v -> v == null ? null : v.providerLocation);
    }

    /** Where the worker copies a new volume from: the snapshot's file, or null. */
    @WithSession
    public Uni<String> snapshotLocation(UUID snapshotId) {
        return snapshots.location(snapshotId);
    }

    /**
     * The worker's report on a create: available at {@code location}, or error with {@code reason} and Cinder's user
     * message (not enough space for the image when the backend's storage was full for a volume from an image).
     */
    @WithTransaction
    public Uni<Void> finishCreate(UUID id, String location, String reason) {
        return finishCreate(id, location, reason, false);
    }

    /** As {@link #finishCreate(UUID, String, String)}; {@code bootable} for a volume made from an image. */
    @WithTransaction
    public Uni<Void> finishCreate(UUID id, String location, String reason, boolean bootable) {
        return volumes.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(v -> {
            if (v == null) {
                return Uni.createFrom().voidItem();
            }
            if (!VolumeStatus.CREATING.equals(v.status)) {
                // an admin forced a delete (or reset the status) meanwhile: keep the file so the delete removes it
                if (location != null && v.providerLocation == null) {
                    v.providerLocation = location;
                }
                return Uni.createFrom().voidItem();
            }
            v.status = reason == null ? VolumeStatus.AVAILABLE : VolumeStatus.ERROR;
            v.statusReason = reason;
            v.providerLocation = location;
            // made from an image: bootable; a copy keeps what its source was
            v.bootable = v.bootable || reason == null && bootable;
            v.updatedAt = Instant.now();
            Uni<Void> told = reason == null ? Uni.createFrom().voidItem() : messages.error(v.projectId, v.id,
                    bootable && StorageFull.isReason(reason) ? UserMessages.Event.NOT_ENOUGH_SPACE_FOR_IMAGE
                            : UserMessages.Event.DRIVER_FAILED_CREATE);
            return told.chain(() -> records.changed("updated", v)).replaceWithVoid();
        });
    }

    /** The worker's report on an extend: the new size, or error_extending at the old size. */
    @WithTransaction
    public Uni<Void> finishExtend(UUID id, String reason) {
        return volumes.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(v -> {
            if (v == null || !VolumeStatus.EXTENDING.equals(v.status)) {
                return Uni.createFrom().voidItem();
            }
            if (reason == null && v.extendingTo != null) {
                v.size = v.extendingTo;
            }
            v.extendingTo = null;
            v.status = reason == null ? VolumeStatus.AVAILABLE : VolumeStatus.ERROR_EXTENDING;
            v.statusReason = reason;
            v.updatedAt = Instant.now();
            Uni<Void> told = reason == null ? Uni.createFrom().voidItem()
                    : messages.error(v.projectId, v.id, UserMessages.Event.DRIVER_FAILED_EXTEND);
            return told.chain(() -> records.changed("updated", v)).replaceWithVoid();
        });
    }

    /**
     * The worker's report on an upload to an image: the volume goes back to available (in-use when attached); a
     * failure is kept as its status reason (Cinder too leaves the volume usable and says why in a user message).
     */
    @WithTransaction
    public Uni<Void> finishUpload(UUID id, String reason) {
        return volumes.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(v -> {
            if (v == null || !VolumeStatus.UPLOADING.equals(v.status)) {
                return Uni.createFrom().voidItem();
            }
            v.status = VolumeStatus.afterUpload(v);
            v.statusReason = reason == null ? null : "upload to image failed: " + reason;
            v.updatedAt = Instant.now();
            Uni<Void> told = reason == null ? Uni.createFrom().voidItem()
                    : messages.error(v.projectId, v.id, UserMessages.Event.FAILED_TO_UPLOAD_VOLUME);
            return told.chain(() -> records.changed("updated", v)).replaceWithVoid();
        });
    }

    /** The volume if it is still to be deleted (locks the row: waits for the transaction that marked it to end). */
    @WithTransaction
    public Uni<Volume> stillDeleting(UUID id) {
        return volumes.findById(id, LockModeType.PESSIMISTIC_WRITE).map(v -> v != null && VolumeStatus.DELETING.equals(v.status) ? v : null);
    }

    /** The worker's report on a delete: the row goes (with its event), or error_deleting with the reason. */
    @WithTransaction
    public Uni<Void> finishDelete(UUID id, String reason) {
        return volumes.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(v -> {
            if (v == null || !VolumeStatus.DELETING.equals(v.status)) {
                return Uni.createFrom().voidItem();
            }
            if (reason != null) {
                v.status = VolumeStatus.ERROR_DELETING;
                v.statusReason = reason;
                v.updatedAt = Instant.now();
                return records.changed("updated", v).replaceWithVoid();
            }
            return records.changed("deleted", v).call(() -> volumes.deleteRow(v)).replaceWithVoid();
        });
    }

    /** Volumes left in a transient status by a stop: last changed before this process started. */
    @WithTransaction
    public Uni<List<Volume>> interrupted(Instant startedAt) {
        return volumes.list("status in ?1 and updatedAt < ?2",
                List.of(VolumeStatus.CREATING, VolumeStatus.EXTENDING, VolumeStatus.DELETING, VolumeStatus.UPLOADING),
                startedAt);
    }
}
