package io.strato.volume.quotas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Cinder's quota set: one value per resource, a limit ({@code T} = Long, -1 unlimited) or with {@code ?usage=true}
 * a {@link Usage}. Backups and groups do not exist here: they show Cinder's defaults. The per-type keys
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

    /** Fixed limits of the resources Strato does not have (Cinder's defaults), and of per_volume_gigabytes (none). */
    static final long BACKUPS = 10;
    static final long BACKUP_GIGABYTES = 1000;
    static final long GROUPS = 10;
    static final long PER_VOLUME_GIGABYTES = -1;

    @JsonAnyGetter
    Map<String, T> perTypeKeys() {
        return perType;
    }

    /** {@code {"quota_set": {...}}}. */
    public record One<T>(@JsonProperty("quota_set") QuotaView<T> quotaSet) {
    }

    /** One resource's limit and use ({@code ?usage=true}); Strato reserves nothing ahead and allocates no more. */
    public record Usage(long limit, @JsonProperty("in_use") long inUse, long reserved, long allocated) {
        static Usage of(long limit, Long inUse) {
            return new Usage(limit, inUse == null ? 0 : inUse, 0, 0);
        }
    }

    /** The limits, with the fixed ones; {@code id} null for an update's answer. */
    static QuotaView<Long> limits(String id, Map<String, Long> limits, Map<String, Long> perType) {
        return new QuotaView<>(id, limits.get("volumes"), limits.get("gigabytes"), limits.get("snapshots"), BACKUPS,
                BACKUP_GIGABYTES, GROUPS, PER_VOLUME_GIGABYTES, perType);
    }

    /** The limits and what the project uses of them. */
    static QuotaView<Usage> usage(String id, QuotaService.LimitsAndUsage lu, Map<String, Usage> perType) {
        Map<String, Long> l = lu.limits();
        Map<String, Long> u = lu.usage();
        return new QuotaView<>(id, Usage.of(l.get("volumes"), u.get("volumes")),
                Usage.of(l.get("gigabytes"), u.get("gigabytes")), Usage.of(l.get("snapshots"), u.get("snapshots")),
                Usage.of(BACKUPS, 0L), Usage.of(BACKUP_GIGABYTES, 0L), Usage.of(GROUPS, 0L),
                Usage.of(PER_VOLUME_GIGABYTES, 0L), perType);
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
            return new Absolute(l.get("volumes"), l.get("gigabytes"), l.get("snapshots"), BACKUPS, BACKUP_GIGABYTES,
                    u.get("volumes"), u.get("gigabytes"), u.get("snapshots"), 0, 0);
        }
    }
}
