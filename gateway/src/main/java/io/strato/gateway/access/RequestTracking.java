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
        rc.addEndHandler(done -> {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String route = rc.get(ROUTE, "-");
            String outcome = done.succeeded() ? "" : " aborted";
            ACCESS.infof("%s %s %d %dms route=%s request_id=%s%s", rc.request().method(), rc.request().path(),
                    rc.response().getStatusCode(), ms, route, requestId, outcome);
        });
        rc.next();
    }
}
