package io.strato.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** identity-service settings; every key can be set by environment variable (STRATO_IDENTITY_...). */
@ConfigMapping(prefix = "strato.identity")
public interface IdentityConfig {

    /** Base URL of the public entry point (the gateway); catalog endpoints are built from it. */
    @WithDefault("http://127.0.0.1:8080")
    String gatewayUrl();

    /** Public URL of this service as clients reach it (through the gateway), used in version links. */
    @WithDefault("http://127.0.0.1:8080/identity")
    String publicUrl();

    /** Where the other services reach this service directly (JWKS and discovery URLs). */
    @WithDefault("http://127.0.0.1:5000")
    String internalUrl();

    /** Issuer written in every token and in the OpenID discovery document. */
    @WithDefault("strato-identity")
    String issuer();

    /** How long a token lives. */
    @WithDefault("PT1H")
    Duration tokenLifetime();

    /** Signing keys and their rotation. */
    Keys keys();

    /** First start of a cloud, as keystone-manage bootstrap. */
    Bootstrap bootstrap();

    /** What token issue reuses between issues while nothing changed (io.strato.identity.changes.ChangeStamp). */
    IssueCache issueCache();

    /** Page sizes of list calls. */
    @WithDefault("1000")
    int maxListLimit();

    interface IssueCache {
        /** Off: every token issue reads users, projects, domains and roles from the database, and bcrypt-checks every
         *  application credential secret. */
        @WithDefault("true")
        boolean enabled();

        /** Most entries kept (users, scopes, credentials and verified secrets, each counted once). */
        @WithDefault("10000")
        long maximumSize();
    }

    interface Keys {
        /** A new signing key is made when the newest is older than this. */
        @WithDefault("P1D")
        Duration rotateAfter();

        /** How often each instance re-reads the key table (to learn keys made by another instance). */
        @WithDefault("PT60S")
        Duration refresh();
    }

    interface Bootstrap {
        /** Admin password; bootstrap runs at start-up only when it is set. Idempotent. */
        Optional<String> adminPassword();

        /** Name of the admin user. */
        @WithDefault("admin")
        String adminUser();

        /** Name of the admin project. */
        @WithDefault("admin")
        String adminProject();

        /** Region of the catalog endpoints. */
        @WithDefault("RegionOne")
        String region();
    }
}
