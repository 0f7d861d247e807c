package io.strato.volume.groups;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GroupTypeRepository implements PanacheRepositoryBase<GroupType, UUID> {

    /** Deletes with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Void> deleteRow(GroupType row) {
        return delete("id", row.id).call(n -> getSession().invoke(s -> s.detach(row))).replaceWithVoid();
    }
}
