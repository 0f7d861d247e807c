package io.strato.identity.projects;

import io.smallrye.mutiny.Uni;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainService;
import io.strato.identity.domains.DomainView;
import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Keystone's domains are projects acting as domains ({@code is_domain: true}): the projects API creates, shows,
 * lists ({@code ?is_domain=true}), updates and deletes them. Here a domain stays a domain; this is its face
 * in the projects API, with the domain rules (deleting needs it disabled first).
 */
@ApplicationScoped
public class DomainsAsProjects {
    private final DomainService domains;

    public DomainsAsProjects(DomainService domains) {
        this.domains = domains;
    }

    public Uni<Domain> get(String id) {
        return domains.get(id);
    }

    public Uni<List<Domain>> list(String name, Boolean enabled) {
        return domains.list(name, enabled);
    }

    public Uni<Domain> create(ProjectView.Fields f) {
        if (f.domainId() != null || f.parentId() != null) {
            throw new InvalidInput("A project acting as a domain has no domain_id and no parent_id.");
        }
        return domains.create(fields(f));
    }

    public Uni<Domain> update(String id, ProjectView.Fields f) {
        if (f.isDomain() != null && !f.isDomain()) {
            throw new InvalidInput("The is_domain attribute of a project cannot be changed.");
        }
        return domains.update(id, fields(f));
    }

    public Uni<Void> delete(String id) {
        return domains.delete(id);
    }

    private static DomainView.Fields fields(ProjectView.Fields f) {
        return new DomainView.Fields(f.name(), f.description(), f.enabled(), null);
    }
}
