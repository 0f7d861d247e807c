package io.strato.gateway.http;

import io.strato.gateway.access.RequestTracking;
import io.strato.gateway.faults.Faults;
import io.strato.gateway.proxy.RouteForwarder;
import io.strato.gateway.routing.Route;
import io.strato.gateway.routing.RouteTable;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * Installs the gateway on Quarkus's HTTP router: request tracking first, then {@code GET /} (route list), then
 * forwarding by path prefix; Quarkus's own {@code /q/*} endpoints keep working; anything else is a JSON 404.
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
        router.route().last().handler(rc -> Faults.send(rc, 404, "Not Found",
                "no route for " + rc.request().path()));
    }

    private void forward(RoutingContext rc) {
        Optional<Route> route = table.match(rc.request().path());
        if (route.isEmpty()) {
            rc.next();
            return;
        }
        rc.put(RequestTracking.ROUTE, route.get().name());
        forwarder.forward(route.get(), rc.request());
    }

    private void listRoutes(RoutingContext rc) {
        JsonArray routes = new JsonArray();
        for (Route route : table.routes()) {
            routes.add(new JsonObject().put("name", route.name()).put("path", route.prefix())
                    .put("upstream", route.upstream()));
        }
        rc.response().putHeader("content-type", Faults.JSON).end(new JsonObject().put("routes", routes).toBuffer());
    }
}
