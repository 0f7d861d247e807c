package io.strato.compute.quotas;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Forbidden;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Enforces compute quotas atomically. Every claim runs inside the transaction that then writes the new rows:
 * it locks a {@code quota_lock} row ({@code SELECT ... FOR UPDATE}: the project's for servers and server
 * groups, the user's for key pairs), counts what is used and refuses when the request would go over the limit.
 * The lock is held until that transaction ends, so concurrent claims for the last unit are serialised and
 * exactly as many succeed as there is room for. Refusals are Nova's 403s with Nova's messages.
 */
@ApplicationScoped
public class ComputeQuota {
    private final QuotaLimits limits;
    private final QuotaUsage usage;

    public ComputeQuota(QuotaLimits limits, QuotaUsage usage) {
        this.limits = limits;
        this.usage = usage;
    }

    /**
     * Claims room for {@code instances} new servers of {@code cores} vCPUs and {@code ramMb} MB in total;
     * 403 "Quota exceeded for instances: Requested 1, but already used 3 of 3 instances" when over.
     */
    public Uni<Void> claimServers(String projectId, int instances, int cores, int ramMb) {
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put(QuotaResources.INSTANCES, (long) instances);
        requested.put(QuotaResources.CORES, (long) cores);
        requested.put(QuotaResources.RAM, (long) ramMb);
        return claim(projectId, requested);
    }

    /** Claims the growth of a resize ({@code extraCores}/{@code extraRamMb} may be 0 or negative: nothing to claim). */
    public Uni<Void> claimResize(String projectId, int extraCores, int extraRamMb) {
        Map<String, Long> requested = new LinkedHashMap<>();
        if (extraCores > 0) {
            requested.put(QuotaResources.CORES, (long) extraCores);
        }
        if (extraRamMb > 0) {
            requested.put(QuotaResources.RAM, (long) extraRamMb);
        }
        return requested.isEmpty() ? Uni.createFrom().voidItem() : claim(projectId, requested);
    }

    /** Claims one key pair for {@code userId} under its project's {@code key_pairs} limit (Nova counts per user). */
    public Uni<Void> claimKeypair(String projectId, String userId) {
        return lock("user:" + userId)
                .chain(() -> limits.of(projectId, QuotaResources.KEY_PAIRS))
                .flatMap(limit -> usage.keypairsOfUser(userId).invoke(used -> {
                    if (limit >= 0 && used + 1 > limit) {
                        throw new Forbidden("Quota exceeded, too many key pairs.");
                    }
                })).replaceWithVoid();
    }

    /** Claims one server group for the project. */
    public Uni<Void> claimServerGroup(String projectId) {
        return lock(projectId)
                .chain(() -> limits.of(projectId, QuotaResources.SERVER_GROUPS))
                .flatMap(limit -> usage.serverGroups(projectId).invoke(used -> {
                    if (limit >= 0 && used + 1 > limit) {
                        throw new Forbidden("Quota exceeded, too many server groups.");
                    }
                })).replaceWithVoid();
    }

    /**
     * Checks room for one more member of a group owned by {@code projectId}. The caller must hold the group's
     * row lock (so members of one group are added one at a time).
     */
    public Uni<Void> checkGroupMember(UUID groupId, String projectId) {
        return limits.of(projectId, QuotaResources.SERVER_GROUP_MEMBERS)
                .flatMap(limit -> usage.groupMembers(groupId).invoke(used -> {
                    if (limit >= 0 && used + 1 > limit) {
                        throw new Forbidden("Quota exceeded, too many servers in group");
                    }
                })).replaceWithVoid();
    }

    private Uni<Void> claim(String projectId, Map<String, Long> requested) {
        return lock(projectId)
                .chain(() -> limits.of(projectId))
                .flatMap(limit -> usage.servers(projectId).invoke(used -> {
                    String refusal = refusal(requested, used, limit);
                    if (refusal != null) {
                        throw new Forbidden(refusal);
                    }
                })).replaceWithVoid();
    }

    /** Nova's TooManyInstances message naming every resource that would go over (sorted), or null. */
    static String refusal(Map<String, Long> requested, Map<String, Long> used, Map<String, Integer> limit) {
        List<String> overs = new ArrayList<>();
        for (Map.Entry<String, Long> r : requested.entrySet()) {
            int max = limit.get(r.getKey());
            if (max >= 0 && used.get(r.getKey()) + r.getValue() > max) {
                overs.add(r.getKey());
            }
        }
        if (overs.isEmpty()) {
            return null;
        }
        overs.sort(null);
        List<String> req = new ArrayList<>();
        List<String> usedOf = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (String o : overs) {
            req.add(String.valueOf(requested.get(o)));
            usedOf.add(String.valueOf(used.get(o)));
            allowed.add(String.valueOf(limit.get(o)));
        }
        String names = String.join(", ", overs);
        return "Quota exceeded for " + names + ": Requested " + String.join(", ", req) + ", but already used "
                + String.join(", ", usedOf) + " of " + String.join(", ", allowed) + " " + names;
    }

    /** Takes the row lock serialising claims on {@code key} until the transaction ends. */
    static Uni<Void> lock(String key) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "INSERT INTO quota_lock (project_id) VALUES (:p) ON CONFLICT DO NOTHING")
                        .setParameter("p", key).executeUpdate()
                        .chain(() -> s.createNativeQuery(
                                        "SELECT project_id FROM quota_lock WHERE project_id = :p FOR UPDATE", String.class)
                                .setParameter("p", key).getSingleResult()))
                .replaceWithVoid();
    }
}
