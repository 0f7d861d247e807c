package io.strato.identity.assignments;

import io.smallrye.mutiny.Uni;
import io.strato.identity.groups.GroupCleanup;
import io.strato.identity.groups.GroupMembership;
import io.strato.identity.groups.GroupRepository;
import io.strato.identity.revocations.RevocationService;
import io.strato.identity.roles.RoleCleanup;
import io.strato.identity.roles.RoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes role assignments when what they name goes away, inside the caller's transaction, and
 * revokes the tokens of the users who lose roles by it.
 */
@ApplicationScoped
public class AssignmentCleanup implements RoleCleanup, GroupCleanup {
    private final AssignmentRepository assignments;
    private final GroupRepository groups;
    private final RoleRepository roles;
    private final RevocationService revocations;

    public AssignmentCleanup(AssignmentRepository assignments, GroupRepository groups, RoleRepository roles,
                             RevocationService revocations) {
        this.assignments = assignments;
        this.groups = groups;
        this.roles = roles;
        this.revocations = revocations;
    }

    /**
     * Before a role is deleted: revokes the tokens of everyone holding it (directly, through a group,
     * or through a role implying it) and deletes its assignments.
     */
    @Override
    public Uni<Void> forRole(String roleId) {
        return roles.graph().flatMap(graph -> {
            Set<String> affecting = new LinkedHashSet<>(graph.priorsOf(List.of(roleId)));
            affecting.add(roleId);
            return assignments.withRoles(affecting);
        }).flatMap(this::holders)
                .call(this::revokeUsers)
                .call(() -> assignments.delete("roleId", roleId))
                .replaceWithVoid();
    }

    /** Before a group is deleted: deletes its assignments, revoking its members' tokens if it had any. */
    @Override
    public Uni<Void> forGroup(String groupId) {
        return assignments.search(Assignment.GROUP, groupId, null, null, null).flatMap(held -> {
            if (held.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return groups.memberIdsOf(groupId).call(this::revokeUsers)
                    .call(() -> assignments.delete("actorType = ?1 and actorId = ?2", Assignment.GROUP, groupId))
                    .replaceWithVoid();
        });
    }

    /** Before a user is deleted: deletes the user's direct assignments (tokens are the caller's to revoke). */
    public Uni<Void> forUser(String userId) {
        return assignments.delete("actorType = ?1 and actorId = ?2", Assignment.USER, userId).replaceWithVoid();
    }

    /** Before a project is deleted: deletes every assignment on it (tokens are the caller's to revoke). */
    public Uni<Void> forProject(String projectId) {
        return assignments.delete("targetType = ?1 and targetId = ?2", Assignment.PROJECT, projectId)
                .replaceWithVoid();
    }

    /** Revokes every token of each user, one after the other (a reactive session runs one query at a time). */
    public Uni<Void> revokeUsers(Collection<String> userIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : new LinkedHashSet<>(userIds)) {
            chain = chain.call(() -> revocations.revokeUser(id));
        }
        return chain;
    }

    /** The users holding the given assignments: direct user actors and members of group actors. */
    private Uni<Set<String>> holders(List<Assignment> held) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groupIds = new LinkedHashSet<>();
        for (Assignment a : held) {
            (Assignment.USER.equals(a.actorType) ? users : groupIds).add(a.actorId);
        }
        return groups.membershipsOf(groupIds).map(members -> {
            for (GroupMembership m : members) {
                users.add(m.userId);
            }
            return users;
        });
    }
}
