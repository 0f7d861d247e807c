package io.strato.volume.snapshots;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import io.strato.volume.volumes.VolumeEvents;
import jakarta.enterprise.context.ApplicationScoped;

/** What volume-service tells the cloud about snapshots, through the outbox (inside the write's transaction). */
@ApplicationScoped
public class SnapshotEvents {
    private final Outbox outbox;

    public SnapshotEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Adds {@code strato.volume.snapshot.<action>.v1} (created, updated, deleted) with the snapshot's JSON. */
    public Uni<Void> snapshot(String action, Snapshot snapshot) {
        return outbox.add(VolumeEvents.TOPIC, "strato.volume.snapshot." + action + ".v1", snapshot.id.toString(),
                SnapshotView.of(snapshot, SnapshotView.Keys.EVENT));
    }
}
