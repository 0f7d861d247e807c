package io.strato.gateway.faults;

import io.strato.kit.faults.FaultNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Error bodies the gateway writes itself (an upstream unreachable, silent or broken, a path it does not serve), in
 * the fault format of the API behind the route, so that a client parses them as it parses that API's own:
 * <ul>
 *   <li>{@link Format#KEYSTONE} and {@link Format#GLANCE}: {@code {"error": {"code", "title", "message"}}};</li>
 *   <li>{@link Format#NOVA} (Nova and Cinder): {@code {"<faultName>": {"code", "message"}}};</li>
 *   <li>{@link Format#NEUTRON}: {@code {"NeutronError": {"type", "message", "detail"}}}.</li>
 * </ul>
 * A path outside every route is answered in Keystone's format, the API clients reach first.
 */
public final class Faults {

    public static final String JSON = "application/json";

    /** The fault formats of the APIs behind the gateway. */
    public enum Format {
        KEYSTONE, GLANCE, NOVA, NEUTRON;

        /** The format of a route by its name ({@code identity}, {@code compute}, ...); Keystone's when unknown. */
        public static Format ofRoute(String route) {
            return switch (route.toLowerCase(Locale.ROOT)) {
                case "compute", "volume", "volumev3", "block-storage" -> NOVA;
                case "networking", "network" -> NEUTRON;
                case "image" -> GLANCE;
                default -> KEYSTONE;
            };
        }
    }

    private Faults() {
    }

    public static Buffer body(Format format, int code, String title, String message) {
        JsonObject body = switch (format) {
            case KEYSTONE, GLANCE -> new JsonObject().put("error",
                    new JsonObject().put("code", code).put("title", title).put("message", message));
            case NOVA -> new JsonObject().put(FaultNames.nova(code),
                    new JsonObject().put("code", code).put("message", message));
            case NEUTRON -> new JsonObject().put("NeutronError",
                    new JsonObject().put("type", FaultNames.neutron(code)).put("message", message).put("detail", ""));
        };
        return body.toBuffer();
    }

    /** Ends the response with a fault of this status. */
    public static void send(RoutingContext rc, Format format, int code, String title, String message) {
        rc.response().setStatusCode(code).putHeader("content-type", JSON).end(body(format, code, title, message));
    }
}
