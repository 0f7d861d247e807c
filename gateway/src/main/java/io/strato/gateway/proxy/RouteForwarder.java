package io.strato.gateway.proxy;

import io.strato.gateway.routing.Route;
import io.strato.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
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
 *
 * <p>Each event loop forwards over a client of its own, so an upstream connection only ever serves requests of the
 * event loop it lives on. With one client shared by the event loops, a pooled connection served both: when a client
 * closed its connection right after its answer (as {@code Connection: close} clients do), the proxy's reset of that
 * exchange's upstream request crossed to the connection's event loop and could close it after it had gone back to
 * the pool and been handed to another request, which then failed with a 502 or 503 ("Connection was closed"):
 * 13 of ~47,000 requests at 16 connections (docs/benchmarks.md, "The gateway's upstream connections").
 */
@Singleton
public class RouteForwarder {

    private final RouteTable table;
    private final UpstreamClient upstreamClient;
    /** Route name to proxy, per event-loop thread (requests are forwarded on the event loop that received them). */
    private final ThreadLocal<Map<String, HttpProxy>> proxies = ThreadLocal.withInitial(this::proxiesOfThisEventLoop);

    public RouteForwarder(RouteTable table, UpstreamClient upstreamClient) {
        this.table = table;
        this.upstreamClient = upstreamClient;
    }

    /** Sends this request to the route's upstream and the upstream's answer back to the client. */
    public void forward(Route route, HttpServerRequest request) {
        proxies.get().get(route.name()).handle(request);
    }

    private Map<String, HttpProxy> proxiesOfThisEventLoop() {
        HttpClient client = upstreamClient.newClient();
        Map<String, HttpProxy> byRoute = new HashMap<>();
        for (Route route : table.routes()) {
            byRoute.put(route.name(), HttpProxy.reverseProxy(client)
                    .origin(context -> connect(route, context))
                    .addInterceptor(new ForwardingInterceptor(route)));
        }
        return byRoute;
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
