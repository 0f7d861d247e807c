package io.strato.volume.backend;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Storage backends (STRATO_VOLUME_...). */
@ConfigMapping(prefix = "strato.volume")
public interface BackendConfig {

    /** The backend of volume types without a volume_backend_name extra spec. */
    @WithDefault("local")
    String defaultBackend();

    /** The local backend: thin qcow2 files in a directory. */
    Local local();

    interface Local {
        /** Directory of the volume files (created when missing). */
        @WithDefault(".strato/volumes")
        String directory();

        /** The qemu-img executable. */
        @WithDefault("qemu-img")
        String qemuImg();
    }
}
