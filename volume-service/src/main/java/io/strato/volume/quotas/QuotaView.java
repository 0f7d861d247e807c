package io.strato.volume.quotas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Cinder's quota set: one value per resource, a limit ({@code T} = Long, -1 unlimited) or with {@code ?usage=true}
 * a {@link Usage}. Backups do not exist here (their limits are kept, their use is 0). The per-type keys
 * ({@code volumes_<type>}...) are as many as there are types, so they are written beside the fixed ones.
 *
 * @param id the project, absent from an update's answer (as in Cinder)
 */
public record QuotaView<T>(
        @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        T volumes,
        T gigabytes,
        T snapshots,
        T backups,
        @JsonProperty("backup_gigabytes") T backupGigabytes,
        T groups,
        @JsonProperty("per_volume_gigabytes") T perVolumeGigabytes,
        @JsonIgnore Map<String, T> perType) {

    @JsonAnyGetter
    Map<String, T> perTypeKeys() {
        return perType;
    }

    /** {@code {"quota_set": {...}}}. */
    public record One<T>(@JsonProperty("quota_set") QuotaView<T> quotaSet) {
    }

    /** One resource's limit and use ({@code ?usage=true}); Strato reserves nothing ahead and allocates no more. */
    public record Usage(long limit, @JsonProperty("in_use") long inUse, long reserved, long allocated) {
        static Usage of(Long limit, Long inUse) {
            return new Usage(limit == null ? -1 : limit, inUse == null ? 0 : inUse, 0, 0);
        }
    }

    /** The limits; {@code id} null for an update's answer (a quota class's name for a class). */
    static QuotaView<Long> limits(String id, Map<String, Long> limits, Map<String, Long> perType) {
        return new QuotaView<>(id, limits.get("volumes"), limits.get("gigabytes"), limits.get("snapshots"),
                limits.get("backups"), limits.get("backup_gigabytes"), limits.get("groups"),
                limits.get("per_volume_gigabytes"), perType);
    }

    /** The limits and what the project uses of them (backups none; per_volume_gigabytes is not a count: 0). */
    static QuotaView<Usage> usage(String id, QuotaService.LimitsAndUsage lu, Map<String, Usage> perType) {
        Map<String, Long> l = lu.limits();
        Map<String, Long> u = lu.usage();
        return new QuotaView<>(id, Usage.of(l.get("volumes"), u.get("volumes")),
                Usage.of(l.get("gigabytes"), u.get("gigabytes")), Usage.of(l.get("snapshots"), u.get("snapshots")),
                Usage.of(l.get("backups"), 0L), Usage.of(l.get("backup_gigabytes"), 0L),
                Usage.of(l.get("groups"), u.get("groups")), Usage.of(l.get("per_volume_gigabytes"), 0L), perType);
    }

    /** {@code {"quota_class_set": {...}}}. */
    public record ClassSet(@JsonProperty("quota_class_set") QuotaView<Long> quotaClassSet) {
    }

    /** {@code {"limits": {"rate": [], "absolute": {...}}}}: the caller's project's limits and use. */
    public record Limits(LimitsBody limits) {
    }

    /** Strato has no rate limits: {@code rate} is empty. */
    public record LimitsBody(List<Object> rate, Absolute absolute) {
    }

    /** Cinder's absolute limits, in its camelCase. */
    public record Absolute(
            @JsonProperty("maxTotalVolumes") long maxTotalVolumes,
            @JsonProperty("maxTotalVolumeGigabytes") long maxTotalVolumeGigabytes,
            @JsonProperty("maxTotalSnapshots") long maxTotalSnapshots,
            @JsonProperty("maxTotalBackups") long maxTotalBackups,
            @JsonProperty("maxTotalBackupGigabytes") long maxTotalBackupGigabytes,
            @JsonProperty("totalVolumesUsed") long totalVolumesUsed,
            @JsonProperty("totalGigabytesUsed") long totalGigabytesUsed,
            @JsonProperty("totalSnapshotsUsed") long totalSnapshotsUsed,
            @JsonProperty("totalBackupsUsed") long totalBackupsUsed,
            @JsonProperty("totalBackupGigabytesUsed") long totalBackupGigabytesUsed) {

        static Absolute of(QuotaService.LimitsAndUsage lu) {
            Map<String, Long> l = lu.limits();
            Map<String, Long> u = lu.usage();
            return new Absolute(l.get("volumes"), l.get("gigabytes"), l.get("snapshots"), l.get("backups"),
                    l.get("backup_gigabytes"),
                    u.get("volumes"), u.get("gigabytes"), u.get("snapshots"), 0, 0);
        }
    }
}
