package io.strato.image.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the Glance API surface; every key can be set by environment variable (STRATO_IMAGE_...). */
@ConfigMapping(prefix = "strato.image")
public interface ImageApiConfig {

    /** Public URL of this service as clients reach it (through the gateway), used in version links. */
    @WithDefault("http://127.0.0.1:8080/image")
    String publicUrl();
}
