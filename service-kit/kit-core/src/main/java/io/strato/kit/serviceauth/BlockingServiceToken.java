package io.strato.kit.serviceauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A service token for callers on their own threads (the per-host agents): issued with the JDK's HTTP
 * client when none is cached or the cached one is about to expire; {@link #invalidate()} after a 401 makes
 * the next call authenticate again. Reactive callers build the same request from {@link ServiceCredentials}.
 */
public final class BlockingServiceToken {

    /** Why no token could be had: identity unreachable, or it refused the credentials. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ServiceCredentials credentials;
    private final Duration renewBefore;
    private final HttpClient http;
    private IssuedToken current;

    public BlockingServiceToken(ServiceCredentials credentials, Duration renewBefore, HttpClient http) {
        this.credentials = credentials;
        this.renewBefore = renewBefore;
        this.http = http;
    }

    /** A valid token, or empty when no password is configured. */
    public synchronized Optional<String> get() {
        if (credentials.password().isEmpty()) {
            return Optional.empty();
        }
        if (current == null || !current.validFor(renewBefore)) {
            current = issue();
        }
        return Optional.of(current.id());
    }

    /** Forgets the cached token (another service refused it). */
    public synchronized void invalidate() {
        current = null;
    }

    private IssuedToken issue() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.tokensUrl()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials.requestBody()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("identity at " + credentials.url() + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while authenticating", e);
        }
        if (response.statusCode() != 201) {
            throw new Unavailable("identity refused the credentials of user " + credentials.username() + ": HTTP "
                    + response.statusCode(), null);
        }
        String subject = response.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new Unavailable("identity answered without X-Subject-Token", null));
        return IssuedToken.read(subject, response.body());
    }
}
