package io.strato.volume.backend;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

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

    /** The libvirt storage-pool backend ({@code libvirt}): thin qcow2 volumes in a libvirt pool. */
    Libvirt libvirt();

    interface Libvirt {
        /** Whether the backend is registered (volume types may name it only then). */
        @WithDefault("false")
        boolean enabled();

        /** The libvirt connection URI (one connection per URI in the process). */
        @WithDefault("test:///default")
        String uri();

        /** The storage pool that keeps the volumes. */
        @WithDefault("default-pool")
        String pool();

        /**
         * The target directory of the pool: when the pool is missing, the driver defines a {@code dir} pool
         * there, builds and starts it; when it exists, its target must be this directory.
         */
        Optional<String> directory();

        /** Where images are downloaded for a new volume before they are converted into the pool. */
        @WithDefault(".strato/volume-scratch")
        String scratchDirectory();
    }
}
