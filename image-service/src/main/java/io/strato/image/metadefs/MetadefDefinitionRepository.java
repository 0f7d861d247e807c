package io.strato.image.metadefs;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MetadefDefinitionRepository implements PanacheRepositoryBase<MetadefDefinition, UUID> {

    public Uni<MetadefDefinition> find(UUID namespaceId, DefinitionKind kind, String name) {
        return find("namespaceId = ?1 and kind = ?2 and name = ?3", namespaceId, kind.value, name).firstResult();
    }

    public Uni<List<MetadefDefinition>> of(UUID namespaceId, DefinitionKind kind) {
        return list("namespaceId = ?1 and kind = ?2 order by createdAt, name", namespaceId, kind.value);
    }

    public Uni<Long> deleteAll(UUID namespaceId, DefinitionKind kind) {
        return delete("namespaceId = ?1 and kind = ?2", namespaceId, kind.value);
    }
}
