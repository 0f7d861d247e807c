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
}
