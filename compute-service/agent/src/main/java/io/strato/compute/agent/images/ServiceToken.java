package io.strato.compute.agent.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.compute.agent.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent's own identity token (password authentication, project scope), kept until shortly before
 * it expires; {@link #invalidate()} after a 401 makes the next call authenticate again.
 */
public class ServiceToken {

    /** Credentials; {@code password} empty means "no authentication" (an image-service that needs none). */
    public record Credentials(String url, String username, Optional<String> password, String project,
                              String userDomain, String projectDomain) {
    }

    private static final Duration EARLY = Duration.ofMinutes(1);

    private final Credentials credentials;
    private final HttpClient http;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ServiceToken(Credentials credentials, HttpClient http) {
        this.credentials = credentials;
        this.http = http;
    }

    /** A valid token, or empty when no password is configured. */
    public synchronized Optional<String> get() {
        if (credentials.password().isEmpty()) {
            return Optional.empty();
        }
        if (token == null || Instant.now().isAfter(expiresAt.minus(EARLY))) {
            authenticate();
        }
        return Optional.of(token);
    }

    public synchronized void invalidate() {
        token = null;
    }

    private void authenticate() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", credentials.username());
        user.put("password", credentials.password().orElseThrow());
        user.putObject("domain").put("name", credentials.userDomain());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", credentials.project());
        project.putObject("domain").put("name", credentials.projectDomain());
        HttpRequest request = HttpRequest.newBuilder(URI.create(trimSlash(credentials.url()) + "/auth/tokens"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ImageFailure("identity at " + credentials.url() + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageFailure("interrupted while authenticating");
        }
        if (response.statusCode() != 201) {
            throw new ImageFailure("identity refused the agent's credentials (user " + credentials.username()
                    + "): HTTP " + response.statusCode());
        }
        String subjectToken = response.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new ImageFailure("identity answered without X-Subject-Token"));
        Instant expires = Instant.now().plus(Duration.ofMinutes(30));
        try {
            JsonNode at = Json.MAPPER.readTree(response.body()).path("token").path("expires_at");
            if (at.isTextual()) {
                expires = Instant.parse(at.asText());
            }
        } catch (IOException | java.time.DateTimeException e) {
            // keep the conservative default
        }
        token = subjectToken;
        expiresAt = expires;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
