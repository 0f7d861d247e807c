package io.strato.identity.credentials;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ApplicationCredentialRepository implements PanacheRepositoryBase<ApplicationCredential, String> {

    public Uni<ApplicationCredential> findByName(String userId, String name) {
        return find("userId = ?1 and name = ?2", userId, name).firstResult();
    }
}
