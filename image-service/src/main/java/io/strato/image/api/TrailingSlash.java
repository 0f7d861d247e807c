package io.strato.image.api;

import io.strato.kit.faults.NotFound;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Glance's router (routes.Mapper) matches paths exactly, so a resource path with a trailing slash matches
 * no route and its wsgi Router answers 404 for every method: {@code GET /v2/images/} and {@code DELETE
 * /v2/images/} (an empty image id, Tempest's test_get_image_null_id and test_delete_image_null_id) name
 * nothing. The JAX-RS matcher here ignores a trailing slash ({@code GET /v2/images/} listed the images,
 * {@code DELETE} was a 405), so such paths are refused before matching. The version document at
 * {@code /v2/} stays served.
 */
public class TrailingSlash {

    @ServerRequestFilter(preMatching = true)
    public void refuse(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (path.length() > "/v2/".length() && path.startsWith("/v2/") && path.endsWith("/")) {
            throw new NotFound("The resource could not be found.");
        }
    }
}
