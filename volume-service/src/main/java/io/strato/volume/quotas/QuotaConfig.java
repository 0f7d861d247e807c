package io.strato.volume.quotas;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Default quotas of every project, as Cinder's quota_* options (STRATO_VOLUME_QUOTA_...); -1 is unlimited. */
@ConfigMapping(prefix = "strato.volume.quota")
public interface QuotaConfig {
    /** Volumes a project may have. */
    @WithDefault("10")
    int volumes();

    /** GiB its volumes (and, later, snapshots) may add up to. */
    @WithDefault("1000")
    int gigabytes();

    /** Snapshots a project may have. */
    @WithDefault("10")
    int snapshots();

    /** Backups a project may have (Strato has no backups: shown and settable, as Cinder's quota_backups). */
    @WithDefault("10")
    int backups();

    /** GiB its backups may add up to (Cinder's quota_backup_gigabytes). */
    @WithDefault("1000")
    int backupGigabytes();

    /** Generic volume groups a project may have (Cinder's quota_groups). */
    @WithDefault("10")
    int groups();

    /** The largest volume a project may create or extend to, in GiB (Cinder's per_volume_size_limit). */
    @WithDefault("-1")
    int perVolumeGigabytes();
}
