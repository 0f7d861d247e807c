package io.strato.identity.assignments;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, Long> {

    /** Direct assignments of the given actors (a user and its groups) on one target. */
    public Uni<List<Assignment>> onTarget(List<String> actorIds, String targetType, String targetId) {
        return list("actorId in ?1 and targetType = ?2 and targetId = ?3 and inherited = false",
                actorIds, targetType, targetId);
    }

    public Uni<Assignment> findExact(String actorType, String actorId, String targetType, String targetId,
                                     String roleId, boolean inherited) {
        return find("actorType = ?1 and actorId = ?2 and targetType = ?3 and targetId = ?4 and roleId = ?5 and inherited = ?6",
                actorType, actorId, targetType, targetId, roleId, inherited).firstResult();
    }

    /**
     * The direct assignments held by a user or by any of the given groups, optionally on targets of
     * one type (and one target id), ordered by id.
     */
    public Uni<List<Assignment>> ofUserAndGroups(String userId, Collection<String> groupIds, String targetType,
                                                 String targetId) {
        Map<String, Object> p = new HashMap<>();
        p.put("user", userId);
        StringBuilder q = new StringBuilder("inherited = false and ((actorType = 'user' and actorId = :user)");
        if (!groupIds.isEmpty()) {
            q.append(" or (actorType = 'group' and actorId in :groups)");
            p.put("groups", groupIds);
        }
        q.append(')');
        if (targetType != null) {
            q.append(" and targetType = :targetType");
            p.put("targetType", targetType);
        }
        if (targetId != null) {
            q.append(" and targetId = :targetId");
            p.put("targetId", targetId);
        }
        return list(q + " order by id", p);
    }

    /**
     * Inherited assignments on the domain or on any of the projects, of the user and the groups (of anyone when
     * {@code userId} is null), ordered by id.
     */
    public Uni<List<Assignment>> inheritedOn(String userId, Collection<String> groupIds, String domainId,
                                             Collection<String> projectIds) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder q = new StringBuilder("inherited = true and ((targetType = 'domain' and targetId = :domain)");
        p.put("domain", domainId);
        if (!projectIds.isEmpty()) {
            q.append(" or (targetType = 'project' and targetId in :projects)");
            p.put("projects", projectIds);
        }
        q.append(')');
        actors(q, p, userId, groupIds);
        return list(q + " order by id", p);
    }

    /** Every inherited assignment of the user and the groups (of anyone when {@code userId} is null). */
    public Uni<List<Assignment>> inheritedOf(String userId, Collection<String> groupIds) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder q = new StringBuilder("inherited = true");
        actors(q, p, userId, groupIds);
        return list(q + " order by id", p);
    }

    private static void actors(StringBuilder q, Map<String, Object> p, String userId, Collection<String> groupIds) {
        if (userId == null) {
            return;
        }
        p.put("user", userId);
        q.append(" and ((actorType = 'user' and actorId = :user)");
        if (!groupIds.isEmpty()) {
            q.append(" or (actorType = 'group' and actorId in :groups)");
            p.put("groups", groupIds);
        }
        q.append(')');
    }

    /** Assignments matching every non-null criterion, direct ones or inherited ones, ordered by id. */
    public Uni<List<Assignment>> search(String actorType, String actorId, String targetType, String targetId,
                                        String roleId) {
        return search(actorType, actorId, targetType, targetId, roleId, false);
    }

    public Uni<List<Assignment>> search(String actorType, String actorId, String targetType, String targetId,
                                        String roleId, Boolean inherited) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder q = new StringBuilder(inherited == null ? "1 = 1" : "inherited = " + inherited);
        and(q, p, "actorType", actorType);
        and(q, p, "actorId", actorId);
        and(q, p, "targetType", targetType);
        and(q, p, "targetId", targetId);
        and(q, p, "roleId", roleId);
        return list(q + " order by id", p);
    }

    /**
     * Inserts the assignment unless an identical one exists (two concurrent grants of the same role
     * both succeed, as PUT is idempotent).
     *
     * @return the new row's id, or null when it already existed
     */
    public Uni<Long> insertIfAbsent(Assignment a) {
        return getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO role_assignment (actor_type, actor_id, target_type, target_id, role_id, inherited)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING RETURNING id", Long.class)
                .setParameter(1, a.actorType).setParameter(2, a.actorId).setParameter(3, a.targetType)
                .setParameter(4, a.targetId).setParameter(5, a.roleId).setParameter(6, a.inherited)
                .getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    public Uni<List<Assignment>> withRoles(Collection<String> roleIds) {
        return roleIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("roleId in ?1", roleIds);
    }

    private static void and(StringBuilder q, Map<String, Object> p, String field, String value) {
        if (value != null) {
            q.append(" and ").append(field).append(" = :").append(field);
            p.put(field, value);
        }
    }
}
