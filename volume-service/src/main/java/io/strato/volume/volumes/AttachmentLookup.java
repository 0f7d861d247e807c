package io.strato.volume.volumes;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What volumes/ asks about a volume's attachments; attachments/ owns them and implements this, so the
 * attachment code may build on volumes and not the other way round. Reads in the caller's session.
 */
public interface AttachmentLookup {

    /** The volume's attached attachments, oldest first (those its view and its events list). */
    Uni<List<AttachmentEntry>> attached(UUID volumeId);

    /** As {@link #attached(UUID)} for several volumes at once (volume lists), by volume. */
    Uni<Map<UUID, List<AttachmentEntry>>> attached(List<UUID> volumeIds);

    /** How many attachments hold the volume, in any status (reserved and attaching ones too). */
    Uni<Long> count(UUID volumeId);
}
