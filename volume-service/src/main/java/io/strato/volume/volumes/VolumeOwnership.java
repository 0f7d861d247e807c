package io.strato.volume.volumes;

import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.quotas.VolumeQuota;
import io.strato.volume.types.VolumeTypeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/**
 * Who owns a volume, as Cinder's volume transfers change it: a volume is offered ({@code awaiting-transfer}), the offer
 * withdrawn, or the volume (with its snapshots) given to another project. Every step holds the volume's row lock, so
 * an offer, a withdrawal and an accept of one volume decide one after the other. In the caller's transaction.
 */
@ApplicationScoped
public class VolumeOwnership {
    private final VolumeRepository volumes;
    private final VolumeRecords records;
    private final SnapshotLookup snapshots;
    private final VolumeQuota quota;
    private final VolumeTypeRepository types;

    public VolumeOwnership(VolumeRepository volumes, VolumeRecords records, SnapshotLookup snapshots, VolumeQuota quota,
                           VolumeTypeRepository types) {
        this.volumes = volumes;
        this.records = records;
        this.snapshots = snapshots;
        this.quota = quota;
        this.types = types;
    }

    /**
     * Offers the volume the caller may see (any for an admin; 404 otherwise) for a transfer: Cinder's conditions
     * (available, every snapshot available) and Strato's (not in a group, whose membership cannot follow it); the
     * volume becomes {@code awaiting-transfer}.
     */
    public Uni<Volume> offer(Caller caller, boolean admin, String volumeId) {
        return records.locked(caller, admin, volumeId).call(v -> {
            if (!VolumeStatus.AVAILABLE.equals(v.status)) {
                throw new InvalidInput("Invalid volume: status must be available (volume " + v.id + " is " + v.status + ").");
            }
            if (v.groupId != null) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " must not be part of a group (it is in group "
                        + v.groupId + ").");
            }
            return snapshots.lockAvailable(v.id);
        }).call(v -> status(v, VolumeStatus.AWAITING_TRANSFER));
    }

    /** The volume with its row locked, whoever owns it (a transfer's accept runs for the receiving project); null when gone. */
    public Uni<Volume> lock(UUID volumeId) {
        return volumes.findById(volumeId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A withdrawn offer: an {@code awaiting-transfer} volume is available again; another status is left as it is (Cinder's). */
    public Uni<Void> withdraw(Volume v) {
        return VolumeStatus.AWAITING_TRANSFER.equals(v.status) ? status(v, VolumeStatus.AVAILABLE) : Uni.createFrom().voidItem();
    }

    /**
     * Gives the locked, offered volume and its snapshots to {@code projectId} and {@code userId}: the volume must still
     * be {@code awaiting-transfer} and its snapshots available (400 otherwise, as Cinder's transfer_accept), and they
     * must fit the receiving project's quotas (413; checked under that project's quota lock). The giving project's
     * usage drops with the move. The volume becomes available.
     */
    public Uni<Volume> give(Volume v, String projectId, String userId) {
        if (!VolumeStatus.AWAITING_TRANSFER.equals(v.status)) {
            throw new InvalidInput("Invalid volume: Volume id " + v.id + " expected in awaiting-transfer state (it is "
                    + v.status + ").");
        }
        return snapshots.lockAvailable(v.id).chain(snaps -> types.findById(v.volumeTypeId).chain(t -> {
            long snapshotGb = snaps.stream().mapToLong(SnapshotLookup.Source::size).sum();
            return projectId.equals(v.projectId) ? Uni.createFrom().voidItem()
                    : quota.checkTransfer(projectId, v.size, snaps.size(), snapshotGb,
                    new VolumeQuota.Type(v.volumeTypeId, t == null ? "" : t.name));
        })).chain(() -> snapshots.moveAll(v.id, projectId, userId)).chain(() -> {
            v.projectId = projectId;
            v.userId = userId;
            return status(v, VolumeStatus.AVAILABLE);
        }).replaceWith(v);
    }

    private Uni<Void> status(Volume v, String status) {
        v.status = status;
        v.updatedAt = Instant.now();
        return records.changed("updated", v).replaceWithVoid();
    }
}
