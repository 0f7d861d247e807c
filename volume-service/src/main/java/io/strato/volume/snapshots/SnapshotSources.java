package io.strato.volume.snapshots;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.volumes.VolumeStatus;
import io.strato.volume.volumes.SnapshotLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Snapshots as volumes/ sees them: sources of new volumes, what blocks a volume's delete or extend, and those a transfer moves. */
@ApplicationScoped
public class SnapshotSources implements SnapshotLookup {
    private static final String CREATING_FROM = "select count(*) from volume where snapshot_id = ?1 and status = 'creating'";

    private final SnapshotRepository snapshots;
    private final SnapshotEvents events;

    public SnapshotSources(SnapshotRepository snapshots, SnapshotEvents events) {
        this.snapshots = snapshots;
        this.events = events;
    }

    @Override
    public Uni<Void> dropAll(UUID volumeId) {
        return snapshots.find("volumeId", volumeId).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(owned -> Multi.createFrom().iterable(owned).onItem().transformToUniAndConcatenate(s -> {
                    if (!VolumeStatus.AVAILABLE.equals(s.status) && !VolumeStatus.ERROR.equals(s.status)) {
                        throw new InvalidInput("Invalid volume: Snapshot " + s.id + " of volume " + volumeId + " is "
                                + s.status + "; a cascade delete needs its snapshots available or in error.");
                    }
                    return snapshots.getSession().chain(session -> session.createNativeQuery(CREATING_FROM)
                            .setParameter(1, s.id).getSingleResult()).chain(n -> {
                                if (((Number) n).longValue() > 0) {
                                    throw new InvalidInput("Invalid snapshot: a volume is being created from snapshot " + s.id + ".");
                                }
                                return events.snapshot("deleted", s).call(() -> snapshots.deleteRow(s));
                            });
                }).collect().asList()).replaceWithVoid();
    }

    @Override
    public Uni<Source> lockSource(UUID snapshotId) {
        return snapshots.findById(snapshotId, LockModeType.PESSIMISTIC_WRITE).map(s -> s == null ? null
                : new Source(s.id, s.volumeId, s.projectId, s.status, s.size, s.backend));
    }

    @Override
    public Uni<String> location(UUID snapshotId) {
        return snapshots.findById(snapshotId).map(s -> s == null ? null : s.providerLocation);
    }

    @Override
    public Uni<Long> count(UUID volumeId) {
        return snapshots.countOf(volumeId);
    }

    @Override
    public Uni<Long> busy(UUID volumeId) {
        return snapshots.busyOf(volumeId);
    }

    @Override
    public Uni<List<Source>> lockAvailable(UUID volumeId) {
        return snapshots.find("volumeId = ?1 order by createdAt, id", volumeId).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(owned -> owned.stream().map(s -> {
                    if (!VolumeStatus.AVAILABLE.equals(s.status)) {
                        throw new InvalidInput("Invalid snapshot: snapshot: " + s.id + " status must be available");
                    }
                    return new Source(s.id, s.volumeId, s.projectId, s.status, s.size, s.backend);
                }).toList());
    }

    @Override
    public Uni<Void> moveAll(UUID volumeId, String projectId, String userId) {
        return snapshots.find("volumeId", volumeId).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(owned -> Multi.createFrom().iterable(owned).onItem().transformToUniAndConcatenate(s -> {
                    s.projectId = projectId;
                    s.userId = userId;
                    s.updatedAt = Instant.now();
                    return events.snapshot("updated", s);
                }).collect().asList()).replaceWithVoid();
    }
}
