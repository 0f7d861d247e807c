package io.strato.kit.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code x-openstack-request-id}, by OpenStack's rule (oslo.middleware's
 * request_id): the client's own when it is {@code req-<uuid>}, else a new {@code req-<uuid>}. The gateway
 * and every service apply this same rule, so the id the gateway logs and forwards is the one the service
 * keeps, logs and returns. The id is put in the logging context as {@code request_id}, set on the
 * request (a proxy forwards it upstream) and written on the response, plus any extra header names the
 * API uses (compute adds {@code x-compute-request-id}).
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "x-openstack-request-id";
    public static final String CONTEXT_KEY = "strato.request-id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern WELL_FORMED =
            Pattern.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @ConfigProperty(name = "strato.web.extra-request-id-headers", defaultValue = "none")
    String extraHeaders;

    void install(@Observes Router router) {
        String[] extra = "none".equals(extraHeaders) ? new String[0] : extraHeaders.split(",");
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = accept(ctx.request().getHeader(HEADER));
            ctx.put(CONTEXT_KEY, id);
            ctx.request().headers().set(HEADER, id);
            MDC.put(MDC_KEY, id);
            ctx.response().headers().set(HEADER, id);
            for (String h : extra) {
                ctx.response().headers().set(h.trim(), id);
            }
            ctx.next();
        });
    }

    /** The request id to use for a request whose client sent {@code given} (null when it sent none). */
    public static String accept(String given) {
        if (given != null && WELL_FORMED.matcher(given).matches()) {
            return given;
        }
        return "req-" + UUID.randomUUID();
    }

    /** The id of the request being served, or null outside a request. */
    public static String current(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(CONTEXT_KEY);
    }
}
