package io.strato.volume.volumes;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * What volumes/ asks about snapshots (a volume made from one, a volume's snapshots blocking a delete or an
 * extend); snapshots/ owns them and implements this, so snapshot code may build on volumes and not the other
 * way round. Reads in the caller's session.
 */
public interface SnapshotLookup {

    /** A snapshot as a volume created from it needs it. */
    record Source(UUID id, UUID volumeId, String projectId, String status, int size, String backend) {
    }

    /** The snapshot, its row locked until the caller's transaction ends; null when there is none. */
    Uni<Source> lockSource(UUID snapshotId);

    /** The snapshot's file, or null (none, or not made yet). */
    Uni<String> location(UUID snapshotId);

    /** How many snapshots the volume has. */
    Uni<Long> count(UUID volumeId);

    /**
     * Cinder's cascade: removes the records of all the volume's snapshots (with their deleted events) in the caller's
     * transaction; their files go with the volume's chain. A 400 when one is not available or error, or a volume is
     * being created from one.
     */
    Uni<Void> dropAll(UUID volumeId);

    /** How many of the volume's snapshots are being created or deleted (its backing chain is changing). */
    Uni<Long> busy(UUID volumeId);

    /**
     * The volume's snapshots with their rows locked until the caller's transaction ends (a volume transfer moves them),
     * oldest first; a 400 (Cinder's InvalidSnapshot) when one is not available.
     */
    Uni<List<Source>> lockAvailable(UUID volumeId);

    /** Gives the volume's snapshots to {@code projectId} and {@code userId} (with their updated events), in the caller's transaction. */
    Uni<Void> moveAll(UUID volumeId, String projectId, String userId);
}
