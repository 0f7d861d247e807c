package io.strato.volume.volumes;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a volume's {@code attachments} (an attached attachment, as Cinder lists it in the volume): what
 * volumes/ needs of an attachment, made by attachments/ (which owns them) through {@link AttachmentLookup}.
 *
 * @param hostName the connector's host, shown to admins only
 * @param device   the device the server sees the volume as, e.g. /dev/vdb
 */
public record AttachmentEntry(UUID id, UUID volumeId, UUID serverId, String hostName, String device, Instant attachedAt) {
}
