package io.strato.kit.rest;

import io.strato.kit.faults.FaultDialect;
import io.strato.kit.faults.FaultNames;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fault body of Nova and Cinder (both from the same wsgi {@code Fault} class): one top-level key naming
 * the fault, {@code {"itemNotFound": {"code": 404, "message": "..."}}}. novaclient, cinderclient and
 * openstacksdk read the {@code message} under whatever single key there is. A 401 also says where to
 * authenticate ({@code WWW-Authenticate: Keystone uri="identity"}). A service's dialect bean extends this.
 */
public abstract class NamedFaults implements FaultDialect {

    @Override
    public Response render(int status, Throwable cause, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", status);
        fault.put("message", message == null || message.isBlank() ? FaultDialect.title(status) : message);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of(faultName(status), fault));
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"identity\"");
        }
        return r.build();
    }

    /** The fault's name in this API; a service whose table differs from {@link #name} overrides it. */
    protected String faultName(int status) {
        return name(status);
    }

    /** The fault's name for a status ({@code Fault._fault_names} of Nova's and Cinder's wsgi). */
    public static String name(int status) {
        return FaultNames.nova(status);
    }
}
