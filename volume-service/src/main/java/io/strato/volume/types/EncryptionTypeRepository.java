package io.strato.volume.types;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class EncryptionTypeRepository implements PanacheRepositoryBase<EncryptionType, UUID> {

    public Uni<EncryptionType> ofType(UUID volumeTypeId) {
        return find("volumeTypeId", volumeTypeId).firstResult();
    }

    /** Deletes with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Void> deleteRow(EncryptionType e) {
        return delete("id", e.id).call(n -> getSession().invoke(s -> s.detach(e))).replaceWithVoid();
    }
}
