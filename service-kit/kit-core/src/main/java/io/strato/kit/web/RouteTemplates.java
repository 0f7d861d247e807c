package io.strato.kit.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code uri} tag of a request's HTTP metrics is a route template ({@code /v2.1/servers/{id}}), never the raw
 * path: a raw path carries resource ids (other projects' among them) and lets anyone create series with made-up
 * paths until Micrometer's cap blinds the metrics (issue 16).
 *
 * <p>Quarkus's metrics take the template from the request's {@code UrlPathTemplate} local, which the REST layer sets
 * when a resource method matches, and fall back to the raw path otherwise: a request refused before matching (a
 * pre-matching filter's 400 or 413, a 401), a 405, a plain Vert.x route, the gateway's proxy. Micrometer itself names
 * a 404 {@code NOT_FOUND} and a redirection {@code REDIRECTION}; this handler, first on every router, names any other
 * such request {@code UNKNOWN} just before its response is written (the metrics show it as {@code /UNKNOWN}, templates
 * being paths). A Vert.x route names its requests itself with {@link #name}.
 */
@ApplicationScoped
public class RouteTemplates {
    /** The request-context key Quarkus's REST layer and metrics share. */
    static final String KEY = "UrlPathTemplate";
    public static final String UNKNOWN = "UNKNOWN";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                int status = ctx.response().getStatusCode();
                if (template(ctx) == null && status != 404 && status / 100 != 3) {
                    name(ctx, UNKNOWN);
                }
            });
            ctx.next();
        });
    }

    /** Names the request for its metrics: {@code template} must be bounded (a route's pattern, never its path). */
    public static void name(RoutingContext ctx, String template) {
        name(ctx.request(), template);
    }

    /**
     * Names a request of a plain Vert.x server (outside any router) for its metrics: {@code template} must be
     * bounded, as for {@link #name(RoutingContext, String)}.
     */
    public static void name(HttpServerRequest request, String template) {
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(KEY, template);
        }
    }

    /** The name the request has for its metrics so far, or null. */
    public static String template(RoutingContext ctx) {
        return ctx.request() instanceof HttpServerRequestInternal request ? request.context().getLocal(KEY) : null;
    }
}
