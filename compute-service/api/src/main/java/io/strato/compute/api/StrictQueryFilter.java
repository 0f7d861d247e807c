package io.strato.compute.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Nova's strict query schemas: a resource method's {@link QueryKeys} are all it takes from their microversion. */
public class StrictQueryFilter {
    private final ApiVersion version;

    public StrictQueryFilter(ApiVersion version) {
        this.version = version;
    }

    @ServerRequestFilter
    public void request(ContainerRequestContext request, ResourceInfo resource) {
        Method m = resource.getResourceMethod();
        QueryKeys keys = m == null ? null : m.getAnnotation(QueryKeys.class);
        if (keys != null && version.atLeast(keys.since())) {
            QueryParams.onlyKnown(request.getUriInfo().getQueryParameters(), Set.of(keys.value()));
        }
    }
}
