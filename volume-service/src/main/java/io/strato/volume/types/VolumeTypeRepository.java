package io.strato.volume.types;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class VolumeTypeRepository implements PanacheRepositoryBase<VolumeType, UUID> {

    public Uni<VolumeType> findByName(String name) {
        return find("name", name).firstResult();
    }

    /** Deletes with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Boolean> deleteRow(VolumeType type) {
        return delete("id", type.id).flatMap(n -> n == 0 ? Uni.createFrom().item(false)
                : getSession().invoke(s -> s.detach(type)).replaceWith(true));
    }
}
