package io.strato.identity.groups;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<Group, String> {

    public Uni<Group> findByName(String domainId, String name) {
        return find("domainId = ?1 and name = ?2", domainId, name).firstResult();
    }

    /** Ids of the groups a user belongs to. */
    public Uni<List<String>> groupIdsOf(String userId) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "select m.groupId from GroupMembership m where m.userId = ?1", String.class)
                .setParameter(1, userId).getResultList());
    }

    /** Ids of a group's members. */
    public Uni<List<String>> memberIdsOf(String groupId) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "select m.userId from GroupMembership m where m.groupId = ?1", String.class)
                .setParameter(1, groupId).getResultList());
    }

    /** The memberships of any of the given groups. */
    public Uni<List<GroupMembership>> membershipsOf(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(s -> s.createSelectionQuery(
                "from GroupMembership m where m.groupId in ?1", GroupMembership.class)
                .setParameter(1, groupIds).getResultList());
    }

    public Uni<GroupMembership> findMembership(String groupId, String userId) {
        return getSession().flatMap(s -> s.find(GroupMembership.class, new GroupMembership.Key(groupId, userId)));
    }

    /** Adds the membership unless it exists; true when it was added. Safe against concurrent adds. */
    public Uni<Boolean> addMembership(String groupId, String userId) {
        return getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO group_membership (group_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, groupId).setParameter(2, userId).executeUpdate())
                .map(n -> n > 0);
    }

    /** Removes one membership by its whole key, with a statement (not the entity path: see docs/architecture.md). */
    public Uni<Integer> removeMembership(String groupId, String userId) {
        return getSession().flatMap(s -> s.createMutationQuery(
                        "delete from GroupMembership where groupId = ?1 and userId = ?2")
                .setParameter(1, groupId).setParameter(2, userId).executeUpdate());
    }

    public Uni<Integer> deleteMembershipsOf(String groupId) {
        return getSession().flatMap(s -> s.createMutationQuery("delete from GroupMembership where groupId = ?1")
                .setParameter(1, groupId).executeUpdate());
    }
}
