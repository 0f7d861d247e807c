package io.strato.volume.events;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import io.strato.volume.attachments.Attachment;
import io.strato.volume.attachments.AttachmentRepository;
import io.strato.volume.attachments.AttachmentView;
import io.strato.volume.snapshots.Snapshot;
import io.strato.volume.snapshots.SnapshotView;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What volume-service tells the cloud about volumes, through the outbox (inside the write's transaction). */
@ApplicationScoped
public class VolumeEvents {
    public static final String TOPIC = "strato.volume";

    private final Outbox outbox;
    private final AttachmentRepository attachments;

    public VolumeEvents(Outbox outbox, AttachmentRepository attachments) {
        this.outbox = outbox;
        this.attachments = attachments;
    }

    /** Adds {@code strato.volume.snapshot.<action>.v1} (created, updated, deleted) with the snapshot's JSON. */
    public Uni<Void> snapshot(String action, Snapshot snapshot) {
        return outbox.add(TOPIC, "strato.volume.snapshot." + action + ".v1", snapshot.id.toString(), SnapshotView.of(snapshot));
    }

    /**
     * Adds {@code strato.volume.volume.<action>.v1} with the volume's Cinder JSON (status and attachments
     * included, read in the caller's transaction) as data.
     *
     * @param action created, updated (any status or size change), deleted
     */
    public Uni<Void> volume(String action, Volume volume, String typeName) {
        return attachments.ofVolume(volume.id).chain(list -> volume(action, volume, typeName, list));
    }

    /** As {@link #volume(String, Volume, String)}, the data listing the volume's attached {@code attachments}. */
    public Uni<Void> volume(String action, Volume volume, String typeName, List<Attachment> attachments) {
        return outbox.add(TOPIC, "strato.volume.volume." + action + ".v1", volume.id.toString(),
                VolumeView.of(volume, typeName, null, true, attachments));
    }

    /**
     * Adds {@code strato.volume.attachment.<action>.v1} (created, updated, deleted) with the attachment's JSON
     * (without its connection info); {@code reason} says why the service itself deleted it (the deadline), or null.
     */
    public Uni<Void> attachment(String action, Attachment attachment, String reason) {
        return outbox.add(TOPIC, "strato.volume.attachment." + action + ".v1", attachment.id.toString(),
                AttachmentView.event(attachment, reason));
    }
}
