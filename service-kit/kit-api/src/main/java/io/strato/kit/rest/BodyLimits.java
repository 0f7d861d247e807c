package io.strato.kit.rest;

import io.strato.kit.faults.BodyTooLarge;
import io.strato.kit.faults.InvalidInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose declared body ({@code Content-Length}) is over the service's limit with a 413 in the
 * API's fault format, before routing and before any of it is read (issue 16: a 30 MB JSON body was read whole
 * into image-service's heap before being refused).
 *
 * <p>The limit is {@code strato.web.body-limit}, by default 114688 bytes: OpenStack's own, oslo.middleware
 * sizelimit's {@code max_request_body_size}, which Nova, Cinder, Keystone and Neutron run with. Paths matching
 * {@code strato.web.body-limit-exempt} (a regex; image-service's image data) are not limited here. A body sent
 * without a length (chunked) is bounded by {@code quarkus.http.limits.max-body-size}, which each service sets.
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
    public void check(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("Invalid input: Content-Length is not a number.");
        }
        if (declared > limit && !exempt(request.getUriInfo().getPath())) {
            throw new BodyTooLarge("Request is too large: the body may have at most " + limit + " bytes.");
        }
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
