package io.strato.volume.snapshots;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SnapshotRepository implements PanacheRepositoryBase<Snapshot, UUID> {

    /** Deletes the row with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Boolean> deleteRow(Snapshot s) {
        return delete("id", s.id).flatMap(n -> n == 0 ? Uni.createFrom().item(false)
                : getSession().invoke(x -> x.detach(s)).replaceWith(true));
    }

    public Uni<Long> countOf(UUID volumeId) {
        return count("volumeId", volumeId);
    }

    /** Snapshots of the volume being created or deleted (its backing chain is changing). */
    public Uni<Long> busyOf(UUID volumeId) {
        return count("volumeId = ?1 and status in ('creating', 'deleting')", volumeId);
    }
}
