package io.strato.gateway.faults;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Error bodies in the Identity fault format: {@code {"error":{"code":503,"title":"...","message":"..."}}}. */
public final class Faults {

    public static final String JSON = "application/json";

    private Faults() {
    }

    public static Buffer body(int code, String title, String message) {
        JsonObject error = new JsonObject().put("code", code).put("title", title).put("message", message);
        return new JsonObject().put("error", error).toBuffer();
    }

    /** Ends the response with a fault of this status. */
    public static void send(RoutingContext rc, int code, String title, String message) {
        rc.response().setStatusCode(code).putHeader("content-type", JSON).end(body(code, title, message));
    }
}
