package io.strato.compute.quotas;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a project uses, counted from the rows themselves as Nova counts quota since Pike: no usage table that
 * could drift. Servers count unless deleted or failed before they got a host (such a server gives its quota
 * back); a server in a resize counts the larger of its flavor and its new flavor.
 */
@ApplicationScoped
public class QuotaUsage {
    /** The server rows that count against quota. */
    static final String COUNTED_SERVERS = "project_id = :p AND vm_state <> 'deleted' AND NOT (vm_state = 'error' AND host IS NULL)";
    private static final String SERVERS = "SELECT count(*),"
            + " coalesce(sum(GREATEST((flavor->>'vcpus')::int, coalesce((new_flavor->>'vcpus')::int, 0))), 0),"
            + " coalesce(sum(GREATEST((flavor->>'memory_mb')::bigint, coalesce((new_flavor->>'memory_mb')::bigint, 0))), 0)"
            + " FROM server WHERE " + COUNTED_SERVERS;

    /** instances, cores and ram of a project (needs a session). */
    public Uni<Map<String, Long>> servers(String projectId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(SERVERS, Object[].class)
                .setParameter("p", projectId).getSingleResult()).map(r -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    out.put(QuotaResources.INSTANCES, ((Number) r[0]).longValue());
                    out.put(QuotaResources.CORES, ((Number) r[1]).longValue());
                    out.put(QuotaResources.RAM, ((Number) r[2]).longValue());
                    return out;
                });
    }

    /** Every counted resource of a project: servers, key pairs created in it, server groups. */
    public Uni<Map<String, Long>> all(String projectId) {
        return servers(projectId).flatMap(u -> count("SELECT count(*) FROM keypair WHERE project_id = :p", projectId)
                .invoke(n -> u.put(QuotaResources.KEY_PAIRS, n))
                .chain(() -> count("SELECT count(*) FROM server_group WHERE project_id = :p", projectId))
                .invoke(n -> u.put(QuotaResources.SERVER_GROUPS, n))
                .replaceWith(u));
    }

    Uni<Long> keypairsOfUser(String userId) {
        return count("SELECT count(*) FROM keypair WHERE user_id = :p", userId);
    }

    Uni<Long> serverGroups(String projectId) {
        return count("SELECT count(*) FROM server_group WHERE project_id = :p", projectId);
    }

    Uni<Long> groupMembers(java.util.UUID groupId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT count(*) FROM server_group_member WHERE group_id = :g", Long.class)
                .setParameter("g", groupId).getSingleResult());
    }

    private static Uni<Long> count(String sql, String param) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql, Long.class)
                .setParameter("p", param).getSingleResult());
    }
}
