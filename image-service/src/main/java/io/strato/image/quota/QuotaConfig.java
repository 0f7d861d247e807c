package io.strato.image.quota;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Per-project image quotas. */
@ConfigMapping(prefix = "strato.image.quota")
public interface QuotaConfig {
    /** Images a project may own. */
    @WithDefault("100")
    long maxImages();

    /** Bytes of image data a project may store (default 100 GiB). */
    @WithDefault("107374182400")
    long maxBytes();

    /**
     * How long an upload's byte reservation lasts past its last renewal. A live upload renews it every
     * quarter of this, so the reservation of an upload whose service crashed stops counting after it.
     */
    @WithDefault("PT5M")
    Duration reservationTtl();

    /** Overrides by project id: {@code strato.image.quota.projects."<id>".max-bytes=...}. */
    Map<String, ProjectQuota> projects();

    interface ProjectQuota {
        /** Images this project may own. */
        Optional<Long> maxImages();

        /** Bytes this project may store. */
        Optional<Long> maxBytes();
    }
}
