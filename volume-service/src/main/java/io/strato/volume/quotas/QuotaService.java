package io.strato.volume.quotas;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Reads and sets projects' quotas (the API side of {@link VolumeQuota}). */
@ApplicationScoped
public class QuotaService {
    private final VolumeQuota quota;

    public QuotaService(VolumeQuota quota) {
        this.quota = quota;
    }

    public record LimitsAndUsage(Map<String, Long> limits, Map<String, Long> usage) {
    }

    @WithSession
    public Uni<LimitsAndUsage> show(String projectId) {
        return quota.limits(projectId).chain(l -> quota.usage(projectId).map(u -> new LimitsAndUsage(l, u)));
    }

    @WithTransaction
    public Uni<Map<String, Long>> set(String projectId, Map<String, Long> changes) {
        return quota.set(projectId, changes);
    }

    @WithTransaction
    public Uni<Void> reset(String projectId) {
        return quota.forget(projectId);
    }

    public Map<String, Long> defaults() {
        return quota.defaults();
    }
}
