package io.strato.identity.assignments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.groups.GroupRepository;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.revocations.RevocationService;
import io.strato.identity.roles.Role;
import io.strato.identity.roles.RoleRepository;
import io.strato.identity.users.UserRepository;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Grants: direct role assignments of a user or group on a project, a domain or the system. */
@ApplicationScoped
public class GrantService {
    private final AssignmentRepository assignments;
    private final RoleRepository roles;
    private final UserRepository users;
    private final GroupRepository groups;
    private final ProjectRepository projects;
    private final DomainRepository domains;
    private final AssignmentCleanup cleanup;
    private final RevocationService revocations;
    private final IdentityEvents events;

    public GrantService(AssignmentRepository assignments, RoleRepository roles, UserRepository users,
                        GroupRepository groups, ProjectRepository projects, DomainRepository domains,
                        AssignmentCleanup cleanup, RevocationService revocations, IdentityEvents events) {
        this.assignments = assignments;
        this.roles = roles;
        this.users = users;
        this.groups = groups;
        this.projects = projects;
        this.domains = domains;
        this.cleanup = cleanup;
        this.revocations = revocations;
        this.events = events;
    }

    /**
     * Checks that the grant's actor and target exist (404 otherwise) and answers the domain the
     * target belongs to (null for the system), which policy checks need.
     */
    @WithSession
    public Uni<String> targetDomain(GrantPath g) {
        return requireActor(g).chain(() -> targetDomainOf(g));
    }

    @WithTransaction
    public Uni<Void> grant(GrantPath g, String roleId) {
        return requireActor(g).chain(() -> targetDomainOf(g)).flatMap(domainId -> role(roleId).invoke(r -> {
            if (r.domainId != null && !Objects.equals(r.domainId, domainId)) {
                throw new Forbidden("Role " + r.id + " is specific to domain " + r.domainId
                        + " and cannot be granted on a target outside that domain.");
            }
        })).flatMap(r -> assignments.insertIfAbsent(inherited(
                Assignment.of(g.actorType(), g.actorId(), g.targetType(), g.targetId(), roleId), g.inherited())))
                .flatMap(id -> id == null ? Uni.createFrom().voidItem()
                        : events.publish("role_assignment", "created", String.valueOf(id), data(g, roleId)));
    }

    /** Succeeds when the grant exists; NotFound otherwise. */
    @WithSession
    public Uni<Void> check(GrantPath g, String roleId) {
        return requireActor(g).chain(() -> targetDomainOf(g)).chain(() -> role(roleId))
                .chain(() -> find(g, roleId))
                .onItem().ifNull().failWith(() -> assignmentNotFound(g, roleId))
                .replaceWithVoid();
    }

    /** The roles granted directly, ordered by name. */
    @WithSession
    public Uni<List<Role>> list(GrantPath g) {
        return requireActor(g).chain(() -> targetDomainOf(g))
                .chain(() -> assignments.search(g.actorType(), g.actorId(), g.targetType(), g.targetId(), null,
                        g.inherited()))
                .flatMap(held -> roles.byIds(held.stream().map(a -> a.roleId).toList()));
    }

    /** Removes the grant and revokes the tokens that may carry it. */
    @WithTransaction
    public Uni<Void> revoke(GrantPath g, String roleId) {
        return requireActor(g).chain(() -> targetDomainOf(g)).chain(() -> role(roleId))
                .chain(() -> find(g, roleId))
                .onItem().ifNull().failWith(() -> assignmentNotFound(g, roleId))
                .flatMap(a -> assignments.delete("id", a.id)
                        .call(() -> revokeTokens(g))
                        .call(() -> events.publish("role_assignment", "deleted", String.valueOf(a.id), data(g, roleId)))
                        .replaceWithVoid());
    }

    private Uni<Void> revokeTokens(GrantPath g) {
        if (!g.isUser()) {
            return groups.memberIdsOf(g.actorId()).flatMap(cleanup::revokeUsers);
        }
        return Assignment.PROJECT.equals(g.targetType()) && !g.inherited()
                ? revocations.revokeUserOnProject(g.actorId(), g.targetId())
                : revocations.revokeUser(g.actorId());
    }

    private Uni<Assignment> find(GrantPath g, String roleId) {
        return assignments.findExact(g.actorType(), g.actorId(), g.targetType(), g.targetId(), roleId, g.inherited());
    }

    private static Assignment inherited(Assignment a, boolean inherited) {
        a.inherited = inherited;
        return a;
    }

    private Uni<Void> requireActor(GrantPath g) {
        Uni<?> found = g.isUser() ? users.findById(g.actorId()) : groups.findById(g.actorId());
        return found.onItem().ifNull().failWith(() -> new NotFound("Could not find " + g.actorType() + ": "
                + g.actorId() + ".")).replaceWithVoid();
    }

    private Uni<String> targetDomainOf(GrantPath g) {
        return switch (g.targetType()) {
            case Assignment.PROJECT -> projects.findById(g.targetId()).onItem().ifNull()
                    .failWith(() -> new NotFound("Could not find project: " + g.targetId() + "."))
                    .map(p -> p.domainId);
            case Assignment.DOMAIN -> domains.findById(g.targetId()).onItem().ifNull()
                    .failWith(() -> new NotFound("Could not find domain: " + g.targetId() + "."))
                    .map(d -> d.id);
            default -> Uni.createFrom().nullItem();
        };
    }

    private Uni<Role> role(String roleId) {
        return roles.findById(roleId).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find role: " + roleId + "."));
    }

    private static NotFound assignmentNotFound(GrantPath g, String roleId) {
        return new NotFound("Could not find role assignment with role: " + roleId + ", user or group: "
                + g.actorId() + ", project, domain, or system: " + g.targetId() + ".");
    }

    private static Map<String, Object> data(GrantPath g, String roleId) {
        Map<String, Object> d = new HashMap<>();
        d.put("role_id", roleId);
        d.put(g.actorType() + "_id", g.actorId());
        if (Assignment.SYSTEM.equals(g.targetType())) {
            d.put("system", g.targetId());
        } else {
            d.put(g.targetType() + "_id", g.targetId());
        }
        d.put("inherited", g.inherited());
        return d;
    }
}
