package io.strato.identity.domains;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<Domain, String> {

    public Uni<Domain> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResult();
    }
}
