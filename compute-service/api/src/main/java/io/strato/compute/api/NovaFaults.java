package io.strato.compute.api;

import io.strato.kit.faults.FaultDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's error body: one key naming the fault, {@code {"itemNotFound": {"code": 404, "message": "..."}}}.
 * novaclient and openstacksdk read the message under whatever single key there is.
 */
@ApplicationScoped
public class NovaFaults implements FaultDialect {

    @Override
    public Response render(int status, Throwable cause, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", status);
        fault.put("message", message == null || message.isBlank() ? FaultDialect.title(status) : message);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of(key(status), fault));
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"identity\"");
        }
        return r.build();
    }

    /** Nova's fault name of a status (nova/api/openstack/wsgi.py's Fault._fault_names). */
    static String key(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413 -> "overLimit";
            case 415 -> "badMediaType";
            case 429 -> "overLimit";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}
