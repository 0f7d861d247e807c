package io.strato.volume.snapshots;

import io.smallrye.mutiny.Uni;
import io.strato.volume.volumes.SnapshotLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Snapshots as volumes/ sees them: sources of new volumes, and what blocks a volume's delete or extend. */
@ApplicationScoped
public class SnapshotSources implements SnapshotLookup {
    private final SnapshotRepository snapshots;

    public SnapshotSources(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
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
}
