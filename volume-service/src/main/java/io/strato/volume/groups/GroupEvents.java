package io.strato.volume.groups;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import io.strato.volume.volumes.VolumeEvents;
import jakarta.enterprise.context.ApplicationScoped;

/** What volume-service tells the cloud about groups and group snapshots, through the outbox (inside the write's transaction). */
@ApplicationScoped
public class GroupEvents {
    private final Outbox outbox;

    public GroupEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Adds {@code strato.volume.group.<action>.v1} (created, updated, deleted) with the group's detail JSON. */
    public Uni<Void> group(String action, VolumeGroup g) {
        return outbox.add(VolumeEvents.TOPIC, "strato.volume.group." + action + ".v1", g.id.toString(),
                GroupView.of(g, GroupView.GROUP_SNAPSHOTS, null));
    }

    /** Adds {@code strato.volume.group_snapshot.<action>.v1} with the group snapshot's JSON. */
    public Uni<Void> groupSnapshot(String action, GroupSnapshot s) {
        return outbox.add(VolumeEvents.TOPIC, "strato.volume.group_snapshot." + action + ".v1", s.id.toString(),
                GroupSnapshotView.of(s));
    }
}
