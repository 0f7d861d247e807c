package io.strato.volume.quotas;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Reads and sets projects' quotas (the API side of {@link VolumeQuota}). */
@ApplicationScoped
public class QuotaService {
    private final VolumeQuota quota;

    public QuotaService(VolumeQuota quota) {
        this.quota = quota;
    }

    /**
     * @param perType per-type keys ({@code volumes_<type>}...) of every type: {limit (-1: none), in use}
     */
    public record LimitsAndUsage(Map<String, Long> limits, Map<String, Long> usage, Map<String, long[]> perType) {
    }

    @WithSession
    public Uni<LimitsAndUsage> show(String projectId) {
        return quota.limits(projectId).chain(l -> quota.usage(projectId)
                .chain(u -> quota.perType(projectId).map(t -> new LimitsAndUsage(l, u, t))));
    }

    /** Sets project-wide limits ({@code volumes}...) and per-type ones ({@code volumes_<type>}, the type must exist). */
    @WithTransaction
    public Uni<LimitsAndUsage> set(String projectId, Map<String, Long> changes) {
        return known(changes).chain(() -> quota.set(projectId, changes)).chain(() -> show(projectId));
    }

    @WithTransaction
    public Uni<Void> reset(String projectId) {
        return quota.reset(projectId);
    }

    /** The defaults of every project (the default quota class), per-type keys included. */
    @WithSession
    public Uni<Map<String, Long>> defaults() {
        return quota.classLimits(VolumeQuota.DEFAULT_CLASS);
    }

    /** Quota class {@code name} (Cinder's os-quota-class-sets; the {@code default} class is every project's defaults). */
    @WithSession
    public Uni<Map<String, Long>> quotaClass(String name) {
        return quota.classLimits(name);
    }

    @WithTransaction
    public Uni<Map<String, Long>> setClass(String name, Map<String, Long> changes) {
        return known(changes).chain(() -> quota.setClass(name, changes)).chain(() -> quota.classLimits(name));
    }

    /** Fails with 400 unless each key is a resource or a per-type key of an existing type. */
    private Uni<Void> known(Map<String, Long> changes) {
        return quota.classLimits(VolumeQuota.DEFAULT_CLASS).invoke(all -> {
            for (String key : changes.keySet()) {
                if (!all.containsKey(key)) {
                    throw new InvalidInput("Bad key(s) in quota set: " + key);
                }
            }
        }).replaceWithVoid();
    }
}
