package io.strato.volume.qos;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class QosSpecsRepository implements PanacheRepositoryBase<QosSpecs, UUID> {

    /** Deletes the row with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Boolean> deleteRow(QosSpecs q) {
        return delete("id", q.id).flatMap(n -> n == 0 ? Uni.createFrom().item(false)
                : getSession().invoke(s -> s.detach(q)).replaceWith(true));
    }
}
