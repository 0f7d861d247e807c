package io.strato.identity.groups;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.revocations.RevocationService;
import io.strato.identity.users.User;
import io.strato.identity.users.UserRepository;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Users' memberships of groups. Leaving a group may lose roles, so it revokes the user's tokens. */
@ApplicationScoped
public class MembershipService {
    private final GroupRepository groups;
    private final UserRepository users;
    private final RevocationService revocations;
    private final IdentityEvents events;

    public MembershipService(GroupRepository groups, UserRepository users, RevocationService revocations,
                             IdentityEvents events) {
        this.groups = groups;
        this.users = users;
        this.revocations = revocations;
        this.events = events;
    }

    /** A group with one of its (would-be) members, both known to exist. */
    public record Pair(Group group, User user) {
    }

    @WithSession
    public Uni<Pair> pair(String groupId, String userId) {
        return group(groupId).flatMap(g -> user(userId).map(u -> new Pair(g, u)));
    }

    @WithSession
    public Uni<User> user(String userId) {
        return users.findById(userId).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find user: " + userId + "."));
    }

    /** Idempotent. */
    @WithTransaction
    public Uni<Void> add(String groupId, String userId) {
        return pair(groupId, userId).flatMap(p -> groups.addMembership(groupId, userId))
                .flatMap(added -> added ? events.publish("group_membership", "created", groupId, data(groupId, userId))
                        : Uni.createFrom().voidItem());
    }

    /** Succeeds when the user is a member; NotFound otherwise. */
    @WithSession
    public Uni<Void> check(String groupId, String userId) {
        return pair(groupId, userId).chain(() -> membership(groupId, userId)).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> remove(String groupId, String userId) {
        return pair(groupId, userId).chain(() -> membership(groupId, userId))
                .flatMap(m -> groups.removeMembership(groupId, userId))
                .call(() -> revocations.revokeUser(userId))
                .call(() -> events.publish("group_membership", "deleted", groupId, data(groupId, userId)))
                .replaceWithVoid();
    }

    /** The group's members, ordered by name. */
    @WithSession
    public Uni<List<User>> members(String groupId) {
        return group(groupId).chain(() -> groups.memberIdsOf(groupId))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<User>of())
                        : users.list("id in ?1 order by name", ids));
    }

    /** The groups the user belongs to, ordered by name. */
    @WithSession
    public Uni<List<Group>> groupsOf(String userId) {
        return user(userId).chain(() -> groups.groupIdsOf(userId))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Group>of())
                        : groups.list("id in ?1 order by name", ids));
    }

    @WithSession
    public Uni<Group> group(String groupId) {
        return groups.findById(groupId).onItem().ifNull().failWith(() -> GroupService.notFound(groupId));
    }

    private Uni<GroupMembership> membership(String groupId, String userId) {
        return groups.findMembership(groupId, userId).onItem().ifNull().failWith(() -> new NotFound(
                "User " + userId + " is not a member of group " + groupId + "."));
    }

    private static Map<String, Object> data(String groupId, String userId) {
        return Map.of("group_id", groupId, "user_id", userId);
    }
}
