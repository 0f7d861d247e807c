package io.strato.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the gateway: which public path prefix goes to which upstream service.
 * Every key can be set by environment variable, e.g. {@code STRATO_GATEWAY_ROUTES_IDENTITY_UPSTREAM}.
 */
@ConfigMapping(prefix = "strato.gateway")
public interface GatewayConfig {

    /** Upstream routes by name (identity, compute, ...); the name appears in errors and access logs. */
    Map<String, RouteConfig> routes();

    /** Settings of the HTTP client that talks to the upstream services. */
    ClientConfig client();

    interface RouteConfig {

        /** Public path prefix, e.g. {@code /identity}; stripped before forwarding. Defaults to {@code /<name>}. */
        Optional<String> path();

        /** Base URL of the upstream service, e.g. {@code http://127.0.0.1:5000}. */
        String upstream();

        /** Longest time the upstream may stay silent (no response bytes) before the gateway answers 504. */
        @WithDefault("60s")
        Duration timeout();
    }

    interface ClientConfig {

        /** TCP connect timeout to an upstream; past it the route answers 503. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Maximum pooled keep-alive connections per upstream, in each event loop's client. */
        @WithDefault("64")
        int maxPoolSize();

        /** How long an idle pooled upstream connection is kept open. */
        @WithDefault("60s")
        Duration keepAliveTimeout();
    }
}
