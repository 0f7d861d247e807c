package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CatalogServiceRepository implements PanacheRepositoryBase<CatalogService, String> {

    public Uni<CatalogService> findByType(String type, String name) {
        return find("type = ?1 and name = ?2", type, name).firstResult();
    }
}
