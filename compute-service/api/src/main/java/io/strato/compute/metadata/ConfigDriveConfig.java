package io.strato.compute.metadata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Config drives: the metadata documents on a read-only disk, for guests that cannot reach the metadata API. */
@ConfigMapping(prefix = "strato.compute.config-drive")
public interface ConfigDriveConfig {

    /** Give every server a config drive, whether or not it asked for one (Nova's {@code force_config_drive}). */
    @WithDefault("false")
    boolean force();
}
