package io.strato.identity.projects;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, String> {

    public Uni<Project> findByName(String domainId, String name) {
        return find("domainId = ?1 and name = ?2", domainId, name).firstResult();
    }
}
