package io.strato.identity.assignments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.groups.GroupRepository;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.roles.Role;
import io.strato.identity.roles.RoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles a user effectively holds on a target, as tokens carry them: the user's own assignments
 * plus those of the user's groups, expanded through implied roles transitively, each role once.
 * Joins the caller's session when there is one.
 */
@ApplicationScoped
public class EffectiveRoles {
    private final AssignmentRepository assignments;
    private final GroupRepository groups;
    private final RoleRepository roles;
    private final ProjectRepository projects;
    private final Inheritance inheritance;

    public EffectiveRoles(AssignmentRepository assignments, GroupRepository groups, RoleRepository roles,
                          ProjectRepository projects, Inheritance inheritance) {
        this.assignments = assignments;
        this.groups = groups;
        this.roles = roles;
        this.projects = projects;
        this.inheritance = inheritance;
    }

    /**
     * Roles of the user on a project, ordered by name (empty when none): with those inherited (OS-INHERIT) from
     * the project's domain and from the projects above it.
     */
    @WithSession
    public Uni<List<Role>> onProject(String userId, String projectId) {
        return groups.groupIdsOf(userId).flatMap(groupIds -> assignments
                .ofUserAndGroups(userId, groupIds, Assignment.PROJECT, projectId)
                .flatMap(direct -> projects.findById(projectId).flatMap(p -> p == null
                        ? Uni.createFrom().item(direct)
                        : inheritance.reaching(p, userId, groupIds).map(inherited -> {
                            List<Assignment> all = new java.util.ArrayList<>(direct);
                            all.addAll(inherited);
                            return all;
                        }))))
                .flatMap(this::expanded);
    }

    /** Roles of the user on a domain, ordered by name. */
    @WithSession
    public Uni<List<Role>> onDomain(String userId, String domainId) {
        return on(userId, Assignment.DOMAIN, domainId);
    }

    /** Roles of the user on the system ({@code all}), ordered by name. */
    @WithSession
    public Uni<List<Role>> onSystem(String userId) {
        return on(userId, Assignment.SYSTEM, Assignment.SYSTEM_ALL);
    }

    /** Ids of the projects on which the user holds any role, directly or through a group. */
    @WithSession
    public Uni<List<String>> projectIdsOf(String userId) {
        return targetsOf(userId, Assignment.PROJECT);
    }

    /** Ids of the domains on which the user holds any role, directly or through a group. */
    @WithSession
    public Uni<List<String>> domainIdsOf(String userId) {
        return targetsOf(userId, Assignment.DOMAIN);
    }

    private Uni<List<Role>> on(String userId, String targetType, String targetId) {
        return groups.groupIdsOf(userId)
                .flatMap(groupIds -> assignments.ofUserAndGroups(userId, groupIds, targetType, targetId))
                .flatMap(this::expanded);
    }

    private Uni<List<Role>> expanded(List<Assignment> held) {
        if (held.isEmpty()) {
            return Uni.createFrom().item(List.<Role>of());
        }
        Set<String> granted = new LinkedHashSet<>();
        held.forEach(a -> granted.add(a.roleId));
        return roles.graph().flatMap(graph -> roles.byIds(graph.effective(granted)));
    }

    /** Targets of the user's assignments; for projects, also those an inherited assignment reaches. */
    private Uni<List<String>> targetsOf(String userId, String targetType) {
        return groups.groupIdsOf(userId).flatMap(groupIds -> assignments
                .ofUserAndGroups(userId, groupIds, targetType, null)
                .flatMap(held -> {
                    Set<String> ids = new LinkedHashSet<>();
                    held.forEach(a -> ids.add(a.targetId));
                    if (!Assignment.PROJECT.equals(targetType)) {
                        return Uni.createFrom().item(List.copyOf(ids));
                    }
                    return assignments.inheritedOf(userId, groupIds).flatMap(inheritance::reach).map(reach -> {
                        reach.values().forEach(ids::addAll);
                        return List.copyOf(ids);
                    });
                }));
    }
}
