package io.strato.volume.attachments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeRepository;
import io.strato.volume.volumes.VolumeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Gives up what passed the attachment deadline, each in its own transaction under the volume's row lock:
 * an attachment still reserved or attaching is deleted, a volume left attaching/reserved/detaching without a
 * pending attachment (the legacy os-reserve, os-begin_detaching) gets the status its attachments give it.
 */
@ApplicationScoped
public class AttachmentExpiry {
    static final String EXPIRED = "not completed before the attachment deadline";
    static final List<String> PENDING = List.of(AttachStatus.RESERVED, AttachStatus.ATTACHING);
    static final List<String> TRANSIENT = List.of(VolumeStatus.RESERVED, VolumeStatus.ATTACHING, VolumeStatus.DETACHING);

    private final AttachmentRepository attachments;
    private final VolumeRepository volumes;
    private final VolumeAttachments store;

    public AttachmentExpiry(AttachmentRepository attachments, VolumeRepository volumes, VolumeAttachments store) {
        this.attachments = attachments;
        this.volumes = volumes;
        this.store = store;
    }

    /** Attachments reserved or attaching since before {@code cutoff}. */
    @WithSession
    public Uni<List<UUID>> staleAttachments(Instant cutoff) {
        return attachments.list("status in ?1 and updatedAt < ?2", PENDING, cutoff)
                .map(list -> list.stream().map(a -> a.id).toList());
    }

    /** Volumes in a transient attach status since before {@code cutoff}. */
    @WithSession
    public Uni<List<UUID>> staleVolumes(Instant cutoff) {
        return volumes.list("status in ?1 and updatedAt < ?2", TRANSIENT, cutoff)
                .map(list -> list.stream().map(v -> v.id).toList());
    }

    /** Deletes the attachment if it is still pending since before {@code cutoff}; true when it did. */
    @WithTransaction
    public Uni<Boolean> expire(UUID attachmentId, Instant cutoff) {
        return store.locate(attachmentId).chain(at -> {
            if (at == null || !PENDING.contains(at.attachment().status) || !at.attachment().updatedAt.isBefore(cutoff)) {
                return Uni.createFrom().item(false);
            }
            Volume v = at.volume();
            return store.remove(at.attachment()).chain(remaining -> {
                store.settle(v, remaining);
                return store.attachmentChanged("deleted", at.attachment(), EXPIRED)
                        .call(() -> store.volumeChanged(v, remaining)).replaceWith(true);
            });
        });
    }

    /** Settles the volume if it is still in a transient attach status since before {@code cutoff}; true when it did. */
    @WithTransaction
    public Uni<Boolean> settle(UUID volumeId, Instant cutoff) {
        return store.lock(volumeId).chain(l -> {
            if (l == null || !TRANSIENT.contains(l.volume().status) || !l.volume().updatedAt.isBefore(cutoff)
                    || l.attachments().stream().anyMatch(a -> PENDING.contains(a.status))) {
                return Uni.createFrom().item(false);
            }
            store.settle(l.volume(), l.attachments());
            return store.volumeChanged(l.volume(), l.attachments()).replaceWith(true);
        });
    }

}
