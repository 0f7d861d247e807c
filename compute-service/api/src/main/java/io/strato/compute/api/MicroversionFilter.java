package io.strato.compute.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Reads the requested microversion from {@code OpenStack-API-Version: compute 2.N} or the legacy
 * {@code X-OpenStack-Nova-API-Version: 2.N}, and answers with the version used in both headers, as Nova does.
 */
public class MicroversionFilter {
    private static final String HEADER = "OpenStack-API-Version";
    private static final String LEGACY = "X-OpenStack-Nova-API-Version";

    private final ApiVersion version;

    public MicroversionFilter(ApiVersion version) {
        this.version = version;
    }

    @ServerRequestFilter(preMatching = true)
    public void request(ContainerRequestContext request) {
        String asked = null;
        for (String h : request.getHeaders().getOrDefault(HEADER, java.util.List.of())) {
            for (String part : h.split(",")) {
                String p = part.trim();
                if (p.toLowerCase().startsWith("compute ")) {
                    asked = p.substring("compute ".length());
                }
            }
        }
        if (asked == null) {
            asked = request.getHeaderString(LEGACY);
        }
        if (asked != null && !asked.isBlank()) {
            version.set(Microversion.parse(asked));
        }
    }

    @ServerResponseFilter
    public void response(ContainerRequestContext request, ContainerResponseContext response) {
        String v = version.get().toString();
        response.getHeaders().putSingle(HEADER, "compute " + v);
        response.getHeaders().putSingle(LEGACY, v);
        response.getHeaders().putSingle("Vary", HEADER + ", " + LEGACY);
        // x-compute-request-id is the kit's (RequestIds, strato.web.extra-request-id-headers), on every answer once
    }
}
