package io.strato.volume.attachments;

import io.smallrye.mutiny.Uni;
import io.strato.volume.volumes.AttachmentEntry;
import io.strato.volume.volumes.AttachmentLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A volume's attachments as volumes/ sees them: its attached ones only, as Cinder lists them in the volume. */
@ApplicationScoped
public class AttachmentEntries implements AttachmentLookup {
    private final AttachmentRepository attachments;

    public AttachmentEntries(AttachmentRepository attachments) {
        this.attachments = attachments;
    }

    @Override
    public Uni<List<AttachmentEntry>> attached(UUID volumeId) {
        return attachments.ofVolume(volumeId).map(AttachmentEntries::of);
    }

    @Override
    public Uni<Map<UUID, List<AttachmentEntry>>> attached(List<UUID> volumeIds) {
        return attachments.ofVolumes(volumeIds).map(all -> of(all).stream()
                .collect(Collectors.groupingBy(AttachmentEntry::volumeId)));
    }

    @Override
    public Uni<Long> count(UUID volumeId) {
        return attachments.count("volumeId", volumeId);
    }

    /** The attached ones of {@code attachments}, in their order. */
    static List<AttachmentEntry> of(List<Attachment> attachments) {
        return attachments.stream().filter(a -> AttachStatus.ATTACHED.equals(a.status))
                .map(a -> new AttachmentEntry(a.id, a.volumeId, a.instanceUuid, a.attachedHost, a.mountpoint, a.attachTime))
                .toList();
    }
}
