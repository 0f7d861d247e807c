package io.strato.image.api;

import io.strato.image.images.ImagePatch;
import io.strato.kit.faults.FaultDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Glance's errors as its clients read them. Glance answers with webob faults (status line + a
 * message); python-glanceclient reads a JSON error body by taking every top-level value as an object
 * and joining their {@code message} fields, and openstacksdk does the same (falling back to a root
 * {@code message}). So the body is one nested object carrying webob's fields:
 * {@code {"error": {"code": 404, "title": "Not Found", "message": "No image found with ID ..."}}},
 * which both clients turn into "404 Not Found: No image found with ID ...". Never a stack trace.
 */
@ApplicationScoped
public class GlanceFaults implements FaultDialect {

    @Override
    public Response render(int status, Throwable cause, String message) {
        Fault error = new Fault(status, FaultDialect.title(status),
                message == null || message.isBlank() ? FaultDialect.title(status) : message);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(error));
        if (cause instanceof ImagePatch.UnsupportedPatchType) {
            // webob's 415 in Glance's update deserializer names the media types it takes
            r.header("Accept-Patch", ImagePatch.Draft.ACCEPTED);
        }
        if (status == 401) {
            // what keystonemiddleware in front of Glance answers; clients re-authenticate on it
            r.header("WWW-Authenticate", "Keystone uri=\"identity\"");
        }
        return r.build();
    }

    /** {@code {"error": {...}}}. */
    public record Body(Fault error) {
    }

    public record Fault(int code, String title, String message) {
    }
}
