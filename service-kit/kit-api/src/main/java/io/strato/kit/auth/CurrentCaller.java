package io.strato.kit.auth;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The caller of the request being served. The caller is kept on the request's routing context when
 * the token is verified, so it can be read from any step of a reactive chain (asking the
 * SecurityIdentity there is refused on an I/O thread under lazy authentication).
 */
@RequestScoped
public class CurrentCaller {
    @Inject
    CurrentVertxRequest request;

    @Inject
    SecurityIdentity identity;

    /** The caller; a 401 when the request carries no valid token. */
    public Caller get() {
        Caller caller = io.vertx.core.Vertx.currentContext() != null && VertxContext.isOnDuplicatedContext()
                ? ContextLocals.<Caller>get(CallerAugmentor.CALLER_ATTRIBUTE).orElse(null) : null;
        RoutingContext rc = caller == null ? request.getCurrent() : null;
        if (rc != null) {
            caller = rc.get(CallerAugmentor.CALLER_ATTRIBUTE);
        }
        if (caller == null) {
            caller = identity.getAttribute(CallerAugmentor.CALLER_ATTRIBUTE);
        }
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }
}
