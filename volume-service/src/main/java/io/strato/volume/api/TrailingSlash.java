package io.strato.volume.api;

import io.strato.kit.faults.NotFound;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cinder's router (routes.Mapper) matches paths exactly: {@code GET /v3/{project}/volumes/} (an empty volume id,
 * Tempest's test_get_volume_without_passing_volume_id) matches no route and is a 404. Here it did not reach
 * Cinder's fault format, so such paths are refused before matching, as {@code {"itemNotFound": ...}}. The
 * version document at {@code /v3/} stays served.
 */
public class TrailingSlash {

    @ServerRequestFilter(preMatching = true)
    public void refuse(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (path.length() > "/v3/".length() && path.startsWith("/v3/") && path.endsWith("/")) {
            throw new NotFound("The resource could not be found.");
        }
    }
}
