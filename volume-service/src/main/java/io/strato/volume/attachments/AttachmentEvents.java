package io.strato.volume.attachments;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import io.strato.volume.volumes.VolumeEvents;
import jakarta.enterprise.context.ApplicationScoped;

/** What volume-service tells the cloud about attachments, through the outbox (inside the write's transaction). */
@ApplicationScoped
public class AttachmentEvents {
    private final Outbox outbox;

    public AttachmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds {@code strato.volume.attachment.<action>.v1} (created, updated, deleted) with the attachment's JSON
     * (without its connection info); {@code reason} says why the service itself deleted it (the deadline), or null.
     */
    public Uni<Void> attachment(String action, Attachment attachment, String reason) {
        return outbox.add(VolumeEvents.TOPIC, "strato.volume.attachment." + action + ".v1", attachment.id.toString(),
                AttachmentView.event(attachment, reason));
    }
}
