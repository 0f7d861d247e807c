package io.strato.image.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where image bytes are kept. */
@ConfigMapping(prefix = "strato.image.store")
public interface StoreConfig {
    /** Directory of the filesystem store; created when missing. */
    @WithDefault("${user.home}/.strato/images")
    String directory();
}
