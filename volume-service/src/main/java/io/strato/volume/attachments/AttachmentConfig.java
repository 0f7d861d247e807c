package io.strato.volume.attachments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of volume attachments; every key can be set by environment variable (STRATO_VOLUME_ATTACHMENTS_...). */
@ConfigMapping(prefix = "strato.volume.attachments")
public interface AttachmentConfig {

    /**
     * How long an attachment may stay reserved or attaching (and a volume attaching or detaching through the
     * legacy actions) before the sweep gives it up: the attachment is deleted and the volume is available again.
     */
    @WithDefault("10m")
    Duration deadline();

    /** How often the sweep looks for what passed the deadline. */
    @WithDefault("30s")
    String sweepInterval();
}
