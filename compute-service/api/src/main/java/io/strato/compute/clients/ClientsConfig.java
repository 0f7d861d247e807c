package io.strato.compute.clients;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.strato.kit.serviceauth.ServiceAuthConfig;
import java.time.Duration;

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

    /** The kit's service credentials ({@code strato.compute.service-auth.*}, e.g. env STRATO_COMPUTE_SERVICE_AUTH_PASSWORD). */
    interface ServiceAuth extends ServiceAuthConfig {
    }
}
