package io.strato.volume.transfers;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<VolumeTransfer, UUID> {

    /** The volume a transfer offers, read without loading the row (its lock is taken after the volume's); null when none. */
    Uni<UUID> volumeOf(UUID id) {
        return getSession().chain(s -> s.createQuery("select t.volumeId from VolumeTransfer t where t.id = ?1", UUID.class)
                .setParameter(1, id).getSingleResultOrNull());
    }

    /** Deletes with a statement (never the entity path: see docs/architecture.md). */
    Uni<Void> deleteRow(VolumeTransfer t) {
        return delete("id", t.id).call(n -> getSession().invoke(s -> s.detach(t))).replaceWithVoid();
    }
}
