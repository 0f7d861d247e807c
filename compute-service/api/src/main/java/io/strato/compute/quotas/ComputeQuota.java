package io.strato.compute.quotas;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.quota.ProjectQuotas;
import io.strato.kit.faults.Forbidden;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Enforces compute quotas atomically with the kit's {@link ProjectQuotas}. Every claim runs inside the
 * transaction that then writes the new rows: it locks a {@code quota_lock} row (the project's for servers and
 * server groups, the user's for key pairs), counts what is used and refuses when the request would go over
 * the limit. The lock is held until that transaction ends, so concurrent claims for the last unit are
 * serialised and exactly as many succeed as there is room for. A server create of an exact count claims the
 * other way round ({@link #recountServers}): rows first, the lock and the count as its last step, so a burst of
 * one project's creates is not serialised for whole transactions. Refusals are Nova's 403s with Nova's messages.
 */
@ApplicationScoped
public class ComputeQuota {
    private final ProjectQuotas quotas;
    private final QuotaUsage usage;

    public ComputeQuota(ProjectQuotas quotas, QuotaUsage usage) {
        this.quotas = quotas;
        this.usage = usage;
    }

    /**
     * Claims room for {@code instances} new servers of {@code cores} vCPUs and {@code ramMb} MB in total;
     * 403 "Quota exceeded for instances: Requested 1, but already used 3 of 3 instances" when over.
     */
    public Uni<Void> claimServers(String projectId, int instances, int cores, int ramMb) {
        return claim(projectId, servers(instances, cores, ramMb));
    }

    private static Map<String, Long> servers(int instances, int cores, int ramMb) {
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put(QuotaResources.INSTANCES, (long) instances);
        requested.put(QuotaResources.CORES, (long) cores);
        requested.put(QuotaResources.RAM, (long) ramMb);
        return requested;
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
        return claim(projectId, requested);
    }

    /** Claims one key pair for {@code userId} under its project's {@code key_pairs} limit (Nova counts per user). */
    public Uni<Void> claimKeypair(String projectId, String userId) {
        return quotas.claim("user:" + userId, projectId, Map.of(QuotaResources.KEY_PAIRS, 1L),
                () -> usage.keypairsOfUser(userId).map(n -> Map.of(QuotaResources.KEY_PAIRS, n)),
                overs -> new Forbidden("Quota exceeded, too many key pairs."));
    }

    /** Claims one server group for the project. */
    public Uni<Void> claimServerGroup(String projectId) {
        return quotas.claim(projectId, projectId, Map.of(QuotaResources.SERVER_GROUPS, 1L),
                () -> usage.serverGroups(projectId).map(n -> Map.of(QuotaResources.SERVER_GROUPS, n)),
                overs -> new Forbidden("Quota exceeded, too many server groups."));
    }

    /**
     * Checks room for one more member of a group owned by {@code projectId}. The caller must hold the group's
     * row lock (so members of one group are added one at a time).
     */
    public Uni<Void> checkGroupMember(UUID groupId, String projectId) {
        Map<String, Long> one = Map.of(QuotaResources.SERVER_GROUP_MEMBERS, 1L);
        return quotas.limits(projectId)
                .flatMap(limits -> usage.groupMembers(groupId).invoke(used -> {
                    if (!ProjectQuotas.overs(one, Map.of(QuotaResources.SERVER_GROUP_MEMBERS, used), limits).isEmpty()) {
                        throw new Forbidden("Quota exceeded, too many servers in group");
                    }
                })).replaceWithVoid();
    }

    /**
     * Nova's metadata_items limit on one server's metadata (a limit, not a usage: nothing is locked): 403
     * "Maximum number of metadata items exceeds <limit>" when {@code items} is over the project's limit.
     */
    public Uni<Void> checkMetadataItems(String projectId, int items) {
        if (items == 0) {
            return Uni.createFrom().voidItem();
        }
        return quotas.limits(projectId).invoke(limits -> checkMetadataItems(limits, items)).replaceWithVoid();
    }

    /** {@link #checkMetadataItems(String, int)} against limits already read. */
    public static void checkMetadataItems(Map<String, Integer> limits, int items) {
        Integer limit = limits.get(QuotaResources.METADATA_ITEMS);
        if (items > 0 && limit != null && limit >= 0 && items > limit) {
            throw new Forbidden("Maximum number of metadata items exceeds " + limit);
        }
    }

    /** Every limit of the project: the defaults with its overrides, read with no lock (needs a session). */
    public Uni<Map<String, Integer>> limits(String projectId) {
        return quotas.limits(projectId);
    }

    /**
     * The claim of {@code instances} servers of {@code cores} vCPUs and {@code ramMb} MB in total that the current
     * transaction has already inserted, against {@code limits} read before: the project's lock is taken as the
     * transaction's last step (the kit's {@link ProjectQuotas#recount}), so concurrent creates of one project
     * wait on each other only for a count and a commit. Refused with the same 403 as {@link #claimServers}.
     */
    public Uni<Void> recountServers(String projectId, Map<String, Integer> limits, int instances, int cores, int ramMb) {
        return ProjectQuotas.recount(projectId, servers(instances, cores, ramMb), limits, () -> usage.servers(projectId),
                overs -> new Forbidden(refusal(overs)));
    }

    private Uni<Void> claim(String projectId, Map<String, Long> requested) {
        return quotas.claim(projectId, projectId, requested, () -> usage.servers(projectId),
                overs -> new Forbidden(refusal(overs)));
    }

    /** Nova's TooManyInstances message naming every resource that would go over (sorted), or null. */
    static String refusal(Map<String, Long> requested, Map<String, Long> used, Map<String, Integer> limit) {
        List<ProjectQuotas.Over> overs = ProjectQuotas.overs(requested, used, limit);
        return overs.isEmpty() ? null : refusal(overs);
    }

    /** "Quota exceeded for cores, instances: Requested 2, 1, but already used 20, 3 of 20, 3 cores, instances". */
    private static String refusal(List<ProjectQuotas.Over> overs) {
        String names = join(overs, o -> o.resource());
        return "Quota exceeded for " + names + ": Requested " + join(overs, o -> String.valueOf(o.requested()))
                + ", but already used " + join(overs, o -> String.valueOf(o.used())) + " of "
                + join(overs, o -> String.valueOf(o.limit())) + " " + names;
    }

    private static String join(List<ProjectQuotas.Over> overs, java.util.function.Function<ProjectQuotas.Over, String> part) {
        return String.join(", ", overs.stream().map(part).toList());
    }
}
