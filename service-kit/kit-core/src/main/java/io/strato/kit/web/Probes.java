package io.strato.kit.web;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kubernetes' liveness and readiness probes on the API port, answering the status only: {@code {"status":"UP"}}
 * with 200, or {@code {"status":"DOWN"}} with 503. The checks' names and data (which database, which broker, what
 * failed) are for operators and stay on the management interface ({@code quarkus.management.*}, with the rest of
 * {@code /q/*}); nothing else of {@code /q} is served on the API port (issue 16).
 *
 * <p>Only installed when the management interface is on: without it Quarkus serves its own {@code /q/health} here.
 */
@ApplicationScoped
public class Probes {
    public static final String LIVE = "/q/health/live";
    public static final String READY = "/q/health/ready";
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false")
    boolean managementInterface;

    private final SmallRyeHealthReporter health;

    public Probes(SmallRyeHealthReporter health) {
        this.health = health;
    }

    void install(@Observes Router router) {
        if (!managementInterface) {
            return;
        }
        // health checks may block (a JDBC connection): run them off the event loop, as Quarkus's own handler does
        router.route(HttpMethod.GET, LIVE).blockingHandler(ctx -> answer(ctx, health.getLiveness()), false);
        router.route(HttpMethod.GET, READY).blockingHandler(ctx -> answer(ctx, health.getReadiness()), false);
    }

    private static void answer(RoutingContext ctx, SmallRyeHealth result) {
        boolean up = !result.isDown();
        ctx.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json")
                .end(up ? UP : DOWN);
    }
}
