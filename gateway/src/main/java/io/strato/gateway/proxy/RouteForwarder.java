package io.strato.gateway.proxy;

import io.strato.gateway.routing.Route;
import io.strato.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Forwards requests to upstreams with Vert.x's reverse proxy: bodies are piped with back-pressure in both
 * directions, never buffered.
 */
@Singleton
public class RouteForwarder {

    private final Map<String, HttpProxy> proxies = new HashMap<>();

    public RouteForwarder(RouteTable table, UpstreamClient upstreamClient) {
        for (Route route : table.routes()) {
            HttpProxy proxy = HttpProxy.reverseProxy(upstreamClient.client())
                    .origin(context -> connect(route, context))
                    .addInterceptor(new ForwardingInterceptor(route));
            proxies.put(route.name(), proxy);
        }
    }

    /** Sends this request to the route's upstream and the upstream's answer back to the client. */
    public void forward(Route route, HttpServerRequest request) {
        proxies.get(route.name()).handle(request);
    }

    private static Future<io.vertx.core.http.HttpClientRequest> connect(Route route, ProxyContext context) {
        RequestOptions options = new RequestOptions()
                .setHost(route.host())
                .setPort(route.port())
                .setSsl(route.ssl())
                .setIdleTimeout(route.timeoutMs());
        return context.client().request(options)
                .recover(failure -> Future.failedFuture(new UpstreamUnreachableException(route.name(), failure)));
    }
}
