package io.strato.image.metadefs;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MetadefAssociationRepository implements PanacheRepositoryBase<MetadefAssociation, UUID> {

    public Uni<MetadefAssociation> find(UUID namespaceId, String resourceType) {
        return find("namespaceId = ?1 and resourceType = ?2", namespaceId, resourceType).firstResult();
    }

    public Uni<List<MetadefAssociation>> of(UUID namespaceId) {
        return list("namespaceId = ?1 order by createdAt, resourceType", namespaceId);
    }

    public Uni<List<MetadefAssociation>> of(List<UUID> namespaceIds) {
        return namespaceIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("namespaceId in ?1 order by createdAt, resourceType", namespaceIds);
    }
}
