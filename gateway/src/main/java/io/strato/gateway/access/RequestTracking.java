package io.strato.gateway.access;

import io.strato.kit.web.RequestIds;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Runs right after the kit's {@link RequestIds} filter (which settles the {@code x-openstack-request-id}: sent
 * upstream, returned to the client) and writes one access-log line with that id when the response is done.
 */
public final class RequestTracking implements Handler<RoutingContext> {

    /** Key under which the matched route name is stored in the routing context. */
    public static final String ROUTE = "strato.gateway.route";

    private static final Logger ACCESS = Logger.getLogger("io.strato.gateway.access");

    @Override
    public void handle(RoutingContext rc) {
        long start = System.nanoTime();
        String requestId = RequestIds.current(rc);
        rc.addHeadersEndHandler(v -> {
            if (!rc.response().headers().contains(RequestIds.HEADER)) {
                rc.response().putHeader(RequestIds.HEADER, requestId);
            }
        });
        if (ACCESS.isInfoEnabled()) {
            rc.addEndHandler(done -> ACCESS.info(line(rc, start, requestId, done.succeeded())));
        }
        rc.next();
    }

    /**
     * The access-log line, built by hand: {@code infof}'s {@link java.util.Formatter} (a parse of the pattern, boxing,
     * locale look-ups) was the largest single cost of the gateway's own code per request.
     */
    static String line(RoutingContext rc, long startNanos, String requestId, boolean complete) {
        StringBuilder line = new StringBuilder(160)
                .append(rc.request().method().name()).append(' ')
                .append(rc.request().path()).append(' ')
                .append(rc.response().getStatusCode()).append(' ')
                .append((System.nanoTime() - startNanos) / 1_000_000).append("ms route=")
                .append(rc.get(ROUTE, "-")).append(" request_id=").append(requestId);
        if (!complete) {
            line.append(" aborted");
        }
        return line.toString();
    }
}
