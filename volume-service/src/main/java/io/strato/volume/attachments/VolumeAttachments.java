package io.strato.volume.attachments;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.volume.types.VolumeTypeRepository;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeEvents;
import io.strato.volume.volumes.VolumeRepository;
import io.strato.volume.volumes.VolumeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A volume and its attachments under the volume's row lock (SELECT ... FOR UPDATE, as the quota code locks its
 * row): every attachment change of a volume decides after the one before it committed, so two servers can never
 * both reserve it. The volume's status and attach_status follow its attachments; every change adds its events
 * in the caller's transaction.
 */
@ApplicationScoped
public class VolumeAttachments {
    private final VolumeRepository volumes;
    private final AttachmentRepository attachments;
    private final VolumeTypeRepository types;
    private final VolumeEvents volumeEvents;
    private final AttachmentEvents events;

    public VolumeAttachments(VolumeRepository volumes, AttachmentRepository attachments, VolumeTypeRepository types,
                             VolumeEvents volumeEvents, AttachmentEvents events) {
        this.volumes = volumes;
        this.attachments = attachments;
        this.types = types;
        this.volumeEvents = volumeEvents;
        this.events = events;
    }

    /** A volume with its attachments. */
    public record Locked(Volume volume, List<Attachment> attachments) {
    }

    /** The volume of project {@code project} (any caller, admins too: a volume of another project is a 404), locked. */
    public Uni<Locked> lock(String project, String volumeId) {
        UUID id = Ids.orNull(volumeId);
        NotFound missing = new NotFound("Volume " + volumeId + " could not be found.");
        return id == null ? Uni.createFrom().failure(missing) : lock(id).map(l -> {
            if (l == null || !l.volume().projectId.equals(project)) {
                throw missing;
            }
            return l;
        });
    }

    /** The volume {@code volumeId} locked, with its attachments; null when there is none. */
    Uni<Locked> lock(UUID volumeId) {
        return volumes.findById(volumeId, LockModeType.PESSIMISTIC_WRITE).chain(v -> v == null
                ? Uni.createFrom().nullItem() : attachments.ofVolume(v.id).map(list -> new Locked(v, list)));
    }

    /** The attachment {@code attachmentId} of project {@code project} with its volume, the volume locked. */
    public Uni<Attached> locate(String project, String attachmentId) {
        UUID id = Ids.orNull(attachmentId);
        NotFound missing = new NotFound("Volume attachment could not be found with filter: attachment_id = "
                + attachmentId + ".");
        Uni<Attached> found = id == null ? Uni.createFrom().nullItem() : locate(id);
        return found.map(at -> {
            if (at == null || !at.attachment().projectId.equals(project)) {
                throw missing;
            }
            return at;
        });
    }

    /** The attachment {@code id} with its volume, the volume locked; null when there is none. */
    Uni<Attached> locate(UUID id) {
        // only the volume's id is read before the lock, so the attachment read after it is the latest committed
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.volumeId from Attachment a where a.id = :id", UUID.class)
                .setParameter("id", id).getSingleResultOrNull())
                .chain(volumeId -> volumeId == null ? Uni.createFrom().nullItem() : lock(volumeId).map(l -> {
                    Attachment a = l == null ? null
                            : l.attachments().stream().filter(x -> x.id.equals(id)).findFirst().orElse(null);
                    return a == null ? null : new Attached(l.volume(), a, l.attachments());
                }));
    }

    /** An attachment, its locked volume and all the volume's attachments (this one included). */
    public record Attached(Volume volume, Attachment attachment, List<Attachment> all) {
    }

    /** A new attachment of {@code v} in {@code status}, persisted. */
    public Uni<Attachment> add(Volume v, UUID instance, String mode, String status) {
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.volumeId = v.id;
        a.projectId = v.projectId;
        a.instanceUuid = instance;
        a.mode = mode;
        a.status = status;
        a.createdAt = a.updatedAt = Instant.now();
        return attachments.persist(a);
    }

    /** Deletes the attachment (a statement, see docs/architecture.md); returns the volume's remaining ones. */
    public Uni<List<Attachment>> remove(Attachment a) {
        return attachments.deleteRow(a).chain(() -> attachments.ofVolume(a.volumeId));
    }

    /**
     * Sets the volume's status and attach_status from its {@code remaining} attachments: in-use when one is
     * attached, else attaching or reserved as the pending one is, else available. A volume in a status no
     * attachment gave it (an admin's reset to error, say) keeps it; only its attach_status follows.
     */
    public void settle(Volume v, List<Attachment> remaining) {
        String attach = AttachStatus.DETACHED;
        for (String s : List.of(AttachStatus.ATTACHED, AttachStatus.ATTACHING, AttachStatus.RESERVED)) {
            if (remaining.stream().anyMatch(a -> s.equals(a.status))) {
                attach = s;
                break;
            }
        }
        v.attachStatus = attach;
        if (VolumeStatus.ATTACHMENT_HELD.contains(v.status)) {
            v.status = switch (attach) {
                case AttachStatus.ATTACHED -> VolumeStatus.IN_USE;
                case AttachStatus.ATTACHING -> VolumeStatus.ATTACHING;
                case AttachStatus.RESERVED -> VolumeStatus.RESERVED;
                default -> VolumeStatus.AVAILABLE;
            };
        }
        v.updatedAt = Instant.now();
    }

    /** Adds the volume's updated event (with its attachments after the change). */
    public Uni<Void> volumeChanged(Volume v, List<Attachment> now) {
        return types.findById(v.volumeTypeId).chain(t -> volumeEvents.volume("updated", v, t == null ? null : t.name,
                AttachmentEntries.of(now)));
    }

    /** Adds the attachment's event: created, updated or deleted ({@code reason} when the service gave it up). */
    public Uni<Void> attachmentChanged(String action, Attachment a, String reason) {
        return events.attachment(action, a, reason);
    }
}
