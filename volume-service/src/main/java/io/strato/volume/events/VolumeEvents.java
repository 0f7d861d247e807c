package io.strato.volume.events;

import io.smallrye.mutiny.Uni;
import io.strato.kit.events.Outbox;
import io.strato.volume.snapshots.Snapshot;
import io.strato.volume.snapshots.SnapshotView;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeView;
import jakarta.enterprise.context.ApplicationScoped;

/** What volume-service tells the cloud about volumes, through the outbox (inside the write's transaction). */
@ApplicationScoped
public class VolumeEvents {
    public static final String TOPIC = "strato.volume";

    private final Outbox outbox;

    public VolumeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds {@code strato.volume.volume.<action>.v1} with the volume's Cinder JSON (status included) as data.
     *
     * @param action created, updated (any status or size change), deleted
     */
    /** Adds {@code strato.volume.snapshot.<action>.v1} (created, updated, deleted) with the snapshot's JSON. */
    public Uni<Void> snapshot(String action, Snapshot snapshot) {
        return outbox.add(TOPIC, "strato.volume.snapshot." + action + ".v1", snapshot.id.toString(), SnapshotView.of(snapshot));
    }

    public Uni<Void> volume(String action, Volume volume, String typeName) {
        return outbox.add(TOPIC, "strato.volume.volume." + action + ".v1", volume.id.toString(),
                VolumeView.of(volume, typeName, null, true));
    }
}
