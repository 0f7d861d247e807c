package io.strato.gateway.http;

import io.strato.gateway.access.RequestTracking;
import io.strato.gateway.faults.Faults;
import io.strato.gateway.proxy.RouteForwarder;
import io.strato.gateway.routing.Route;
import io.strato.gateway.routing.RouteTable;
import io.strato.kit.web.RouteTemplates;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * Installs the gateway on Quarkus's HTTP router: request tracking first, then {@code GET /} (the public paths), then
 * forwarding by path prefix, except a service's own {@code /q/*}; anything else is a 404 fault. The gateway's own
 * {@code /q/*} is on its management interface, but for the probes (kit-core's {@code Probes}).
 */
@ApplicationScoped
public class GatewayRoutes {

    private final RouteTable table;
    private final RouteForwarder forwarder;

    public GatewayRoutes(RouteTable table, RouteForwarder forwarder) {
        this.table = table;
        this.forwarder = forwarder;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(new RequestTracking());
        router.route(HttpMethod.GET, "/").order(-100).handler(this::listRoutes);
        router.route().order(-99).handler(this::forward);
        router.route().last().handler(rc -> Faults.send(rc, Faults.Format.KEYSTONE, 404, "Not Found",
                "The resource could not be found."));
    }

    private void forward(RoutingContext rc) {
        Optional<Route> route = table.match(rc.request().path());
        if (route.isEmpty()) {
            rc.next();
            return;
        }
        rc.put(RequestTracking.ROUTE, route.get().name());
        // the metrics count requests by route, never by the path (ids, made-up paths)
        RouteTemplates.name(rc, route.get().prefix());
        if (route.get().internal(rc.request().path())) {
            // a service's /q/* (metrics, OpenAPI, health detail) is for its operators, not through the public door
            Faults.send(rc, Faults.Format.ofRoute(route.get().name()), 404, "Not Found", "The resource could not be found.");
            return;
        }
        forwarder.forward(route.get(), rc.request());
    }

    /** The public APIs and their paths; where they run behind the gateway is not the public's business. */
    private void listRoutes(RoutingContext rc) {
        JsonArray routes = new JsonArray();
        for (Route route : table.routes()) {
            routes.add(new JsonObject().put("name", route.name()).put("path", route.prefix()));
        }
        rc.response().putHeader("content-type", Faults.JSON).end(new JsonObject().put("routes", routes).toBuffer());
    }
}
