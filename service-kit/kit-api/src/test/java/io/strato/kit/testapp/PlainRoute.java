package io.strato.kit.testapp;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A plain Vert.x route beside the REST resources, as the gateway's proxy is one. */
@ApplicationScoped
public class PlainRoute {

    void install(@Observes Router router) {
        router.route("/plain/*").handler(ctx -> ctx.response().end("plain"));
    }
}
