package io.strato.volume.attachments;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    /** The volume's attachments, oldest first. */
    public Uni<List<Attachment>> ofVolume(UUID volumeId) {
        return list("volumeId = ?1 order by createdAt, id", volumeId);
    }

    /** The attachments of these volumes, oldest first (for volume lists). */
    public Uni<List<Attachment>> ofVolumes(List<UUID> volumeIds) {
        return volumeIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("volumeId in ?1 order by createdAt, id", volumeIds);
    }

    /** Deletes the row with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Boolean> deleteRow(Attachment a) {
        return delete("id", a.id).flatMap(n -> n == 0 ? Uni.createFrom().item(false)
                : getSession().invoke(s -> s.detach(a)).replaceWith(true));
    }
}
