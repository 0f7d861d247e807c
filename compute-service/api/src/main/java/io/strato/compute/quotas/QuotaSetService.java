package io.strato.compute.quotas;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.api.Microversion;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.data.quota.ProjectQuotas;
import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and changes a project's compute quotas; enforcement is {@link ComputeQuota}'s. */
@ApplicationScoped
public class QuotaSetService {
    /** Resources whose new limit may not go below what the project already uses (unless forced). */
    private static final Set<String> COUNTED = Set.of(QuotaResources.INSTANCES, QuotaResources.CORES,
            QuotaResources.RAM, QuotaResources.SERVER_GROUPS);

    private final ProjectQuotas quotas;
    private final QuotaUsage usage;

    public QuotaSetService(ProjectQuotas quotas, QuotaUsage usage) {
        this.quotas = quotas;
        this.usage = usage;
    }

    /** Every limit and its use. */
    public record Usage(Map<String, Integer> limits, Map<String, Long> used) {
        public long used(String resource) {
            return used.getOrDefault(resource, 0L);
        }
    }

    @WithSession
    public Uni<Map<String, Integer>> limits(String projectId) {
        return quotas.limits(projectId);
    }

    @WithSession
    public Uni<Usage> usage(String projectId) {
        return quotas.limits(projectId).flatMap(l -> usage.all(projectId).map(u -> new Usage(l, u)));
    }

    public Map<String, Integer> defaults() {
        return quotas.defaults();
    }

    /**
     * Sets the limits in {@code quotaSet} (values -1 or more; -1 is unlimited). Without {@code force}, a limit below
     * what the project uses is a 400 as in Nova. Returns every limit afterwards. Runs under the project's quota
     * lock, so a limit and a concurrent claim cannot both pass.
     */
    @WithTransaction
    public Uni<Map<String, Integer>> update(String projectId, JsonNode quotaSet, Microversion version) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        boolean force = parse(quotaSet, changes, version);
        return ProjectQuotas.lock(projectId)
                .chain(() -> usage.all(projectId))
                .invoke(used -> {
                    if (!force) {
                        changes.forEach((r, limit) -> {
                            long inUse = used.getOrDefault(r, 0L);
                            if (COUNTED.contains(r) && limit >= 0 && limit < inUse) {
                                throw new InvalidInput("Quota limit " + limit + " for " + r
                                        + " must be greater than or equal to already used and reserved " + inUse + ".");
                            }
                        });
                    }
                })
                .chain(() -> quotas.override(projectId, changes))
                .chain(() -> quotas.limits(projectId));
    }

    /** Back to the defaults. */
    @WithTransaction
    public Uni<Void> reset(String projectId) {
        return quotas.reset(projectId);
    }

    /** Reads the new limits into {@code out}; whether {@code force} was asked for. */
    static boolean parse(JsonNode quotaSet, Map<String, Integer> out, Microversion version) {
        List<String> settable = QuotaResources.visibleAt(version);
        boolean force = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = quotaSet.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("force")) {
                force = BodyFields.bool(quotaSet, "force", false);
            } else if (settable.contains(key)) {
                out.put(key, BodyFields.integer(quotaSet, key, -1, Integer.MAX_VALUE, null));
            } else if (!key.equals("tenant_id") && !key.equals("id")) {
                throw new InvalidInput("Additional properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        return force;
    }
}
