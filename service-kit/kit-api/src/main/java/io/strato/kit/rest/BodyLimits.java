package io.strato.kit.rest;

import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.BodyTooLarge;
import io.strato.kit.faults.InvalidInput;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body over the service's limit with a 413 in the API's fault format, carrying the request id,
 * before routing and without holding more of it than the limit (issue 16: a 30 MB JSON body was read whole into
 * image-service's heap before being refused).
 *
 * <p>The limit is {@code strato.web.body-limit}, by default 114688 bytes: OpenStack's own, oslo.middleware
 * sizelimit's {@code max_request_body_size}, which Nova, Cinder, Keystone and Neutron run with. Paths matching
 * {@code strato.web.body-limit-exempt} (a regex; image-service's image data) are not limited here and stream.
 *
 * <ul>
 *   <li>A declared length ({@code Content-Length}) over the limit is refused before any of the body is read.</li>
 *   <li>A body without a length (chunked, or HTTP/2 without one) is read here, up to the limit, and handed to the
 *       resource as read; the byte past the limit ends it with the 413, and the connection is closed after the
 *       answer rather than reading the rest. (Quarkus would otherwise bound it only by
 *       {@code quarkus.http.limits.max-body-size}, with an empty 413.)</li>
 * </ul>
 */
public class BodyLimits {

    @Inject
    @ConfigProperty(name = "strato.web.body-limit", defaultValue = "114688")
    long limit;

    @Inject
    @ConfigProperty(name = "strato.web.body-limit-exempt")
    Optional<String> exempt;

    private volatile Pattern exemptPattern;

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> check(ContainerRequestContext request, HttpServerRequest http) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInput("Invalid input: Content-Length is not a number.");
            }
            if (declared > limit && !exempt(request.getUriInfo().getPath())) {
                throw tooLarge();
            }
            return null;
        }
        if (!unsizedBody(http) || exempt(request.getUriInfo().getPath())) {
            return null;
        }
        return BoundedBody.read(http, limit, this::tooLarge)
                .invoke(body -> request.setEntityStream(body))
                .replaceWithVoid();
    }

    /** Whether a body without a declared length may follow: chunked, or an HTTP/2 stream that has not ended. */
    static boolean unsizedBody(HttpServerRequest http) {
        if (http.isEnded()) {
            return false;
        }
        String te = http.getHeader("Transfer-Encoding");
        return (te != null && te.toLowerCase().contains("chunked")) || http.version() == HttpVersion.HTTP_2;
    }

    private BodyTooLarge tooLarge() {
        return new BodyTooLarge("Request is too large: the body may have at most " + limit + " bytes.");
    }

    private boolean exempt(String path) {
        if (exempt.isEmpty() || exempt.get().isBlank()) {
            return false;
        }
        Pattern p = exemptPattern;
        if (p == null) {
            p = exemptPattern = Pattern.compile(exempt.get());
        }
        return p.matcher(path).find();
    }
}
