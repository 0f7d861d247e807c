package io.strato.kit.serviceauth;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * A service's (or an agent's) own identity credentials, as a config group of its {@code @ConfigMapping}
 * (e.g. {@code strato.compute.clients.service-auth.*}); every key can be set by environment variable.
 */
public interface ServiceAuthConfig {

    /** Identity v3 base URL; tokens are requested at {@code <url>/auth/tokens}. */
    @WithDefault("http://127.0.0.1:5000/v3")
    String url();

    /** The service user's name (deploy/local passes the cloud's admin). */
    @WithDefault("admin")
    String username();

    /** The service user's password; without one the caller works without a token. */
    Optional<String> password();

    /** The project the token is scoped to; the user needs the admin role there. */
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
