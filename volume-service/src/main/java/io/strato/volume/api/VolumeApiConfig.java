package io.strato.volume.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the Cinder API surface; every key can be set by environment variable (STRATO_VOLUME_...). */
@ConfigMapping(prefix = "strato.volume")
public interface VolumeApiConfig {

    /** Public URL of this service as clients reach it (through the gateway), used in version and paging links. */
    @WithDefault("http://127.0.0.1:8080/volume")
    String publicUrl();

    /** The availability zone volumes are created in (Cinder's storage_availability_zone). */
    @WithDefault("nova")
    String availabilityZone();
}
