package io.strato.compute.api;

import io.strato.kit.rest.NamedFaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Nova's error body: one key naming the fault, {@code {"itemNotFound": {"code": 404, "message": "..."}}},
 * the kit's {@link NamedFaults} (Nova and Cinder share wsgi's {@code Fault}).
 */
@ApplicationScoped
public class NovaFaults extends NamedFaults {

    /**
     * Nova's {@code Fault._fault_names} has no 406 (an unsupported microversion), so Nova calls it
     * {@code computeFault}; the kit's table, Cinder's, says {@code notAcceptable}.
     */
    @Override
    public Response render(int status, Throwable cause, String message) {
        Response r = super.render(status, cause, message);
        if (status != 406 || !(r.getEntity() instanceof Map<?, ?> body)) {
            return r;
        }
        return Response.fromResponse(r).entity(Map.of("computeFault", body.get(NamedFaults.name(406)))).build();
    }
}
