package io.strato.identity.assignments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.projects.Project;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The projects and domains a user reaches through role assignments (direct or through a group), for
 * {@code GET /v3/users/{id}/projects} and {@code GET /v3/auth/projects|domains}. Each list is ordered by name.
 */
@ApplicationScoped
public class ReachableScopes {
    private final EffectiveRoles roles;
    private final UserService users;
    private final ProjectRepository projects;
    private final DomainRepository domains;

    public ReachableScopes(EffectiveRoles roles, UserService users, ProjectRepository projects,
                           DomainRepository domains) {
        this.roles = roles;
        this.users = users;
        this.projects = projects;
        this.domains = domains;
    }

    /** The projects the user holds a role on, enabled or not; a 404 when there is no such user. */
    @WithSession
    public Uni<List<Project>> projectsOfUser(String userId) {
        return users.get(userId)
                .flatMap(u -> roles.projectIdsOf(u.id))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Project>of())
                        : projects.list("id in ?1 order by name", ids));
    }

    /** The enabled projects the user holds a role on: what a token of the user may be scoped to. */
    @WithSession
    public Uni<List<Project>> enabledProjectsOf(String userId) {
        return roles.projectIdsOf(userId)
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Project>of())
                        : projects.list("id in ?1 and enabled = true order by name", ids));
    }

    /** The enabled domains the user holds a role on. */
    @WithSession
    public Uni<List<Domain>> enabledDomainsOf(String userId) {
        return roles.domainIdsOf(userId)
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Domain>of())
                        : domains.list("id in ?1 and enabled = true order by name", ids));
    }

    /** Whether the user holds any role on the system. */
    public Uni<Boolean> onSystem(String userId) {
        return roles.onSystem(userId).map(held -> !held.isEmpty());
    }
}
