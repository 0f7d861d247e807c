package io.strato.compute.clients;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where compute-service finds image-, network- and volume-service and identity, and how it calls them as itself. */
@ConfigMapping(prefix = "strato.compute")
public interface ClientsConfig {

    /** Base URL of image-service (Glance v2), without {@code /v2}. */
    @WithDefault("http://127.0.0.1:9292")
    String imageUrl();

    /** Base URL of network-service (Neutron), without {@code /v2.0}. */
    @WithDefault("http://127.0.0.1:9696")
    String networkUrl();

    /** Base URL of volume-service (Cinder v3), without {@code /v3}. */
    @WithDefault("http://127.0.0.1:8776")
    String volumeUrl();

    /** Longest wait for a connection to another service. */
    @WithDefault("2s")
    Duration clientConnectTimeout();

    /** Longest wait for another service's answer. */
    @WithDefault("10s")
    Duration clientReadTimeout();

    /** The service user compute-service acts as in the create saga (after the API call returned). */
    ServiceAuth serviceAuth();

    interface ServiceAuth {
        /** Identity v3 base URL; tokens are requested at {@code <url>/auth/tokens}. */
        @WithDefault("http://127.0.0.1:5000/v3")
        String url();

        /** The service user's name (deploy/local passes the cloud's admin). */
        @WithDefault("admin")
        String username();

        /** The service user's password (env STRATO_COMPUTE_SERVICE_AUTH_PASSWORD); none means the saga cannot call other services. */
        Optional<String> password();

        /** The project the service token is scoped to; the user needs the admin role there. */
        @WithDefault("admin")
        String project();

        /** Name of the service user's domain. */
        @WithDefault("Default")
        String userDomain();

        /** Name of the service project's domain. */
        @WithDefault("Default")
        String projectDomain();

        /** A token is renewed when it expires within this margin. */
        @WithDefault("120s")
        Duration renewBefore();
    }
}
