package io.strato.identity.assignments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.groups.Group;
import io.strato.identity.groups.GroupMembership;
import io.strato.identity.groups.GroupRepository;
import io.strato.identity.projects.Project;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.roles.Role;
import io.strato.identity.roles.RoleRepository;
import io.strato.identity.users.User;
import io.strato.identity.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** GET /v3/role_assignments: direct or effective assignments, optionally with names. */
@ApplicationScoped
public class RoleAssignmentService {
    private final AssignmentRepository assignments;
    private final GroupRepository groups;
    private final RoleRepository roles;
    private final UserRepository users;
    private final ProjectRepository projects;
    private final DomainRepository domains;
    private final Inheritance inheritance;

    public RoleAssignmentService(AssignmentRepository assignments, GroupRepository groups, RoleRepository roles,
                                 UserRepository users, ProjectRepository projects, DomainRepository domains,
                                 Inheritance inheritance) {
        this.inheritance = inheritance;
        this.assignments = assignments;
        this.groups = groups;
        this.roles = roles;
        this.users = users;
        this.projects = projects;
        this.domains = domains;
    }

    /** A listing: its lines, and their names when asked for (else null). */
    public record Listing(List<AssignmentEntry> entries, AssignmentNames names) {
    }

    /** The domain a scoped query is about (the domain, or the project's domain), for policy; else null. */
    @WithSession
    public Uni<String> scopeDomain(AssignmentFilter f) {
        if (Assignment.DOMAIN.equals(f.scopeType())) {
            return Uni.createFrom().item(f.scopeId());
        }
        if (Assignment.PROJECT.equals(f.scopeType())) {
            return projects.findById(f.scopeId()).map(p -> p == null ? null : p.domainId);
        }
        return Uni.createFrom().nullItem();
    }

    @WithSession
    public Uni<Listing> list(AssignmentFilter f) {
        // as stored: direct and inherited assignments, the inherited ones marked in their scope
        Uni<List<AssignmentEntry>> entries = f.effective() ? effective(f)
                : assignments.search(f.groupId() != null ? Assignment.GROUP : f.userId() != null ? Assignment.USER : null,
                        f.groupId() != null ? f.groupId() : f.userId(), f.scopeType(), f.scopeId(), f.roleId(), null)
                .map(list -> list.stream().map(AssignmentEntry::direct).toList());
        return entries.flatMap(list -> f.includeNames()
                ? names(list).map(n -> new Listing(list, n))
                : Uni.createFrom().item(new Listing(list, null)));
    }

    private Uni<List<AssignmentEntry>> effective(AssignmentFilter f) {
        Uni<List<String>> groupIds = f.userId() == null ? Uni.createFrom().item(List.of())
                : groups.groupIdsOf(f.userId());
        return groupIds.flatMap(g -> {
            Uni<List<Assignment>> direct = f.userId() == null
                    ? assignments.search(null, null, f.scopeType(), f.scopeId(), null)
                    : assignments.ofUserAndGroups(f.userId(), g, f.scopeType(), f.scopeId());
            return direct.flatMap(d -> inheritedReaching(f, g).flatMap(inherited -> {
                List<Assignment> all = new ArrayList<>(d);
                all.addAll(inherited);
                return inheritance.reach(inherited).flatMap(reach -> expand(f, all, scoped(f, reach)));
            }));
        });
    }

    /** The inherited assignments that may reach the filter's scope: none for a domain or the system. */
    private Uni<List<Assignment>> inheritedReaching(AssignmentFilter f, List<String> groupIds) {
        if (Assignment.PROJECT.equals(f.scopeType())) {
            return projects.findById(f.scopeId()).flatMap(p -> p == null ? Uni.createFrom().item(List.<Assignment>of())
                    : inheritance.reaching(p, f.userId(), groupIds));
        }
        if (f.scopeType() != null) {
            return Uni.createFrom().item(List.of());
        }
        return assignments.inheritedOf(f.userId(), groupIds);
    }

    /** With a project filter, an inherited assignment shows on that project only. */
    private static Map<Long, List<String>> scoped(AssignmentFilter f, Map<Long, List<String>> reach) {
        if (!Assignment.PROJECT.equals(f.scopeType())) {
            return reach;
        }
        Map<Long, List<String>> out = new HashMap<>();
        reach.forEach((id, projectIds) -> out.put(id, projectIds.contains(f.scopeId()) ? List.of(f.scopeId()) : List.of()));
        return out;
    }

    private Uni<List<AssignmentEntry>> expand(AssignmentFilter f, List<Assignment> stored,
                                              Map<Long, List<String>> inheritedTo) {
        return Uni.createFrom().item(stored).flatMap(list -> {
            Set<String> groupIds = new LinkedHashSet<>();
            list.stream().filter(a -> Assignment.GROUP.equals(a.actorType)).forEach(a -> groupIds.add(a.actorId));
            return groups.membershipsOf(groupIds).flatMap(memberships -> {
                Map<String, List<String>> members = new HashMap<>();
                for (GroupMembership m : memberships) {
                    members.computeIfAbsent(m.groupId, k -> new ArrayList<>()).add(m.userId);
                }
                members.values().forEach(l -> l.sort(String::compareTo));
                return roles.graph().map(graph ->
                        AssignmentExpansion.effective(list, members, inheritedTo, f.userId(), graph, f.roleId()));
            });
        });
    }

    private Uni<AssignmentNames> names(List<AssignmentEntry> entries) {
        Set<String> userIds = new LinkedHashSet<>();
        Set<String> groupIds = new LinkedHashSet<>();
        Set<String> projectIds = new LinkedHashSet<>();
        Set<String> domainIds = new LinkedHashSet<>();
        Set<String> roleIds = new LinkedHashSet<>();
        for (AssignmentEntry e : entries) {
            addIfSet(userIds, e.userId());
            addIfSet(groupIds, e.groupId());
            addIfSet(projectIds, e.projectId());
            roleIds.add(e.roleId());
            if (Assignment.PROJECT.equals(e.source().targetType)) {
                projectIds.add(e.source().targetId);
            } else if (Assignment.DOMAIN.equals(e.source().targetType)) {
                domainIds.add(e.source().targetId);
            }
        }
        return byId(users::list, userIds, (User u) -> u.id).flatMap(us ->
                byId(groups::list, groupIds, (Group g) -> g.id).flatMap(gs ->
                byId(projects::list, projectIds, (Project p) -> p.id).flatMap(ps ->
                byId(roles::list, roleIds, (Role r) -> r.id).flatMap(rs -> {
                    us.values().forEach(u -> domainIds.add(u.domainId));
                    gs.values().forEach(g -> domainIds.add(g.domainId));
                    ps.values().forEach(p -> domainIds.add(p.domainId));
                    rs.values().forEach(r -> addIfSet(domainIds, r.domainId));
                    return byId(domains::list, domainIds, (Domain d) -> d.id)
                            .map(ds -> new AssignmentNames(us, gs, ps, ds, rs));
                }))));
    }

    /** Loads entities by id with one "id in" query (none for no ids). */
    private static <T> Uni<Map<String, T>> byId(QueryByIds<T> query, Collection<String> ids, Function<T, String> idOf) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return query.list("id in ?1", List.copyOf(ids)).map(list -> {
            Map<String, T> m = new HashMap<>();
            list.forEach(t -> m.put(idOf.apply(t), t));
            return m;
        });
    }

    @FunctionalInterface
    private interface QueryByIds<T> {
        Uni<List<T>> list(String query, Object... params);
    }

    private static void addIfSet(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
