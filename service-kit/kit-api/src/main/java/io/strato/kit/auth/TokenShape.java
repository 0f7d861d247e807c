package io.strato.kit.auth;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Drops an {@code X-Auth-Token} that cannot be a Strato token before quarkus-oidc reads it.
 *
 * <p>Strato's tokens are compact JWS (three base64url parts, {@link TokenSigner}). quarkus-oidc takes a token
 * with dots for a JWT and splits it without checking the parts: {@code .}, {@code ..} or {@code a..b} made it
 * throw {@code NoSuchElementException}, a 500 on every service (issue 16). A token of any other shape is
 * treated as no token at all: a route that needs one answers 401 in the API's fault format, as it does for an
 * expired or forged token, and a public route (the version documents) answers as it does without one.
 */
@ApplicationScoped
public class TokenShape {
    public static final String HEADER = "X-Auth-Token";
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    void install(@Observes Router router) {
        // after the request id (Integer.MIN_VALUE), before authentication
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String token = ctx.request().getHeader(HEADER);
            if (token != null && !wellFormed(token)) {
                ctx.request().headers().remove(HEADER);
            }
            ctx.next();
        });
    }

    /** Whether {@code token} has the shape of a compact JWS; says nothing of its signature or claims. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() <= 16_384 && COMPACT_JWS.matcher(token).matches();
    }
}
