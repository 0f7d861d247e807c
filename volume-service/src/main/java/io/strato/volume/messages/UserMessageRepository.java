package io.strato.volume.messages;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class UserMessageRepository implements PanacheRepositoryBase<UserMessage, UUID> {

    /** Deletes with a statement (never the entity path: see docs/architecture.md). */
    public Uni<Void> deleteRow(UserMessage m) {
        return delete("id", m.id).call(n -> getSession().invoke(s -> s.detach(m))).replaceWithVoid();
    }
}
