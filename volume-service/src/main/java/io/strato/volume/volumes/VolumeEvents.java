package io.strato.volume.volumes;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What volume-service tells the cloud about volumes, through the outbox (inside the write's transaction). Snapshot
 * and attachment events go to the same topic from their own packages.
 */
@ApplicationScoped
public class VolumeEvents {
    /** The topic of every volume-service event (volumes, snapshots, attachments). */
    public static final String TOPIC = "strato.volume";

    private final Outbox outbox;
    private final AttachmentLookup attachments;

    public VolumeEvents(Outbox outbox, AttachmentLookup attachments) {
        this.outbox = outbox;
        this.attachments = attachments;
    }

    /**
     * Adds {@code strato.volume.volume.<action>.v1} with the volume's Cinder JSON (status and attachments
     * included, read in the caller's transaction) as data.
     *
     * @param action created, updated (any status or size change), deleted
     */
    public Uni<Void> volume(String action, Volume volume, String typeName) {
        return attachments.attached(volume.id).chain(list -> volume(action, volume, typeName, list));
    }

    /** As {@link #volume(String, Volume, String)}, the data listing the volume's {@code attached} attachments. */
    public Uni<Void> volume(String action, Volume volume, String typeName, List<AttachmentEntry> attached) {
        return outbox.add(TOPIC, "strato.volume.volume." + action + ".v1", volume.id.toString(),
                VolumeView.of(volume, typeName, null, VolumeKeys.EVENT, attached));
    }
}
