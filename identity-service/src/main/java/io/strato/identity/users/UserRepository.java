package io.strato.identity.users;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Uni<User> findByName(String domainId, String name) {
        return find("domainId = ?1 and name = ?2", domainId, name).firstResult();
    }
}
