package io.strato.gateway.routing;

import io.strato.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the {@link RouteTable} from configuration, failing start-up on an invalid route. */
public class RouteTableProducer {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.RouteConfig> e : config.routes().entrySet()) {
            String name = e.getKey();
            GatewayConfig.RouteConfig rc = e.getValue();
            routes.add(Route.of(name, rc.path().orElse("/" + name), rc.upstream(), rc.timeout().toMillis()));
        }
        return new RouteTable(routes);
    }
}
