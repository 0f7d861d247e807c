package io.strato.volume.compute;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.Unavailable;
import io.strato.kit.vertx.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Asks compute-service whether a server exists for the caller, with the caller's own token (as Cinder asks Nova
 * through novaclient with the user's context): a user can then name only a server of a project they may see, and
 * compute-service, which calls as an admin, any server. A server compute does not show the caller is Cinder's
 * ServerNotFound (404).
 */
@ApplicationScoped
public class ComputeClient {

    /** Where compute-service is (STRATO_VOLUME_COMPUTE_URL). */
    @ConfigMapping(prefix = "strato.volume.compute")
    public interface Config {
        /** compute-service's base URL (without /v2.1). */
        @WithDefault("http://127.0.0.1:8774")
        String url();
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Config config;

    public ComputeClient(Config config) {
        this.config = config;
    }

    /** Fails with 404 unless {@code GET /v2.1/servers/{id}} with {@code token} shows the server; 503 when compute cannot say. */
    public Uni<Void> requireVisible(UUID serverId, String token) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(config.url().replaceAll("/+$", "") + "/v2.1/servers/" + serverId))
                .header("X-Auth-Token", token == null ? "" : token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        Executor caller = CallerContext.capture();
        return Uni.createFrom().completionStage(() -> http.sendAsync(req, HttpResponse.BodyHandlers.discarding()))
                // back on the request's Vert.x context: what follows uses Hibernate Reactive
                .emitOn(caller)
                .onFailure(IOException.class).transform(e -> new Unavailable("compute-service is unreachable: " + e.getMessage()))
                .invoke(r -> {
                    if (r.statusCode() == 404 || r.statusCode() == 403) {
                        throw new NotFound("Instance " + serverId + " could not be found.");
                    }
                    if (r.statusCode() != 200) {
                        throw new Unavailable("compute-service answered " + r.statusCode() + " for server " + serverId + ".");
                    }
                }).replaceWithVoid();
    }
}
