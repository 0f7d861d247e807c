package io.strato.volume.volumes;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class VolumeRepository implements PanacheRepositoryBase<Volume, UUID> {

    /** Deletes the row with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Boolean> deleteRow(Volume v) {
        return delete("id", v.id).flatMap(n -> n == 0 ? Uni.createFrom().item(false)
                : getSession().invoke(s -> s.detach(v)).replaceWith(true));
    }

    /** Moves the volume from status {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public Uni<Boolean> transition(UUID id, String from, String to, String reason) {
        return update("status = ?1, statusReason = ?2, updatedAt = current_timestamp where id = ?3 and status = ?4",
                to, reason, id, from).map(n -> n > 0);
    }
}
