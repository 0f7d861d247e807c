package io.strato.gateway.proxy;

import io.strato.gateway.faults.Faults;
import io.strato.gateway.routing.Route;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Shapes the exchange with one route's upstream: strips the public prefix, adds X-Forwarded-* headers, turns
 * upstream failures into faults in the route's API format (503 unreachable, 504 timeout, 502 broken answer), drops
 * hop-by-hop headers from the upstream's response and lets the upstream's headers replace the gateway's own.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "upgrade");

    private final Route route;

    ForwardingInterceptor(Route route) {
        this.route = route;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        request.setURI(route.upstreamUri(incoming.path(), incoming.query()));
        MultiMap headers = request.headers();
        // the gateway answers "100 Continue" itself; the upstream just receives the body
        headers.remove("expect");
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            headers.set("x-forwarded-host", authority.toString());
        } else {
            headers.remove("x-forwarded-host");
        }
        headers.set("x-forwarded-proto", incoming.scheme() == null ? "http" : incoming.scheme());
        headers.set("x-forwarded-prefix", route.prefix());
        SocketAddress client = incoming.remoteAddress();
        if (client != null && client.hostAddress() != null) {
            String previous = headers.get("x-forwarded-for");
            headers.set("x-forwarded-for", previous == null ? client.hostAddress() : previous + ", " + client.hostAddress());
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(fault(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        String connection = headers.get("connection");
        if (connection != null) {
            for (String token : connection.split(",")) {
                headers.remove(token.trim());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
        // the gateway's own request-id headers (set before routing) give way to the upstream's, never both; the
        // gateway's handful of headers are walked, not the upstream's (whose names() copies them into a new set)
        MultiMap outgoing = context.request().proxiedRequest().response().headers();
        if (!outgoing.isEmpty()) {
            List<String> replaced = null;
            for (Map.Entry<String, String> header : outgoing) {
                if (headers.contains(header.getKey())) {
                    replaced = replaced == null ? new ArrayList<>(2) : replaced;
                    replaced.add(header.getKey());
                }
            }
            if (replaced != null) {
                replaced.forEach(outgoing::remove);
            }
        }
        return context.sendResponse();
    }

    private ProxyResponse fault(ProxyContext context, Throwable failure) {
        int code;
        String title;
        String message;
        if (failure instanceof UpstreamUnreachableException) {
            code = 503;
            title = "Service Unavailable";
            message = route.name() + " is not reachable";
        } else if (failure instanceof TimeoutException) {
            code = 504;
            title = "Gateway Timeout";
            message = route.name() + " did not answer within " + route.timeoutMs() + " ms";
        } else {
            code = 502;
            title = "Bad Gateway";
            message = route.name() + " did not send a valid answer";
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        LOG.warnf("route %s: %s %s -> %d (%s)", route.name(), context.request().getMethod(),
                context.request().proxiedRequest().path(), code, cause.toString());
        ProxyResponse response = context.request().release().response();
        response.setStatusCode(code);
        response.putHeader("content-type", Faults.JSON);
        response.setBody(Body.body(Faults.body(Faults.Format.ofRoute(route.name()), code, title, message)));
        return response;
    }
}
