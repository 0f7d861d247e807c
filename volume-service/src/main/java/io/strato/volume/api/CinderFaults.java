package io.strato.volume.api;

import io.strato.kit.faults.FaultDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cinder's errors as its clients read them: one top-level key named after the status, as Cinder's
 * wsgi {@code Fault} writes it ({@code {"itemNotFound": {"message": "...", "code": 404}}}).
 * cinderclient and openstacksdk take the first value's {@code message}. Never a stack trace.
 */
@ApplicationScoped
public class CinderFaults implements FaultDialect {

    /** Cinder's fault names by status; anything else is a {@code computeFault} as in Cinder. */
    static String name(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 406 -> "notAcceptable";
            case 409 -> "conflictingRequest";
            case 413 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    @Override
    public Response render(int status, Throwable cause, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("message", message == null || message.isBlank() ? FaultDialect.title(status) : message);
        fault.put("code", status);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of(name(status), fault));
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"identity\"");
        }
        return r.build();
    }
}
