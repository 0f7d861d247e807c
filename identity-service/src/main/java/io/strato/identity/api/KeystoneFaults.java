package io.strato.identity.api;

import io.strato.identity.config.IdentityConfig;
import io.strato.kit.faults.FaultDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's error format: {@code {"error": {"code": 404, "title": "Not Found", "message": "..."}}}. */
@ApplicationScoped
public class KeystoneFaults implements FaultDialect {
    private final IdentityConfig config;

    public KeystoneFaults(IdentityConfig config) {
        this.config = config;
    }

    @Override
    public Response render(int status, Throwable cause, String message) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(new Fault(status, FaultDialect.title(status), message)));
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"" + config.publicUrl() + "\"");
        }
        return r.build();
    }

    /** {@code {"error": {...}}}. */
    @Schema(name = "KeystoneError")
    public record Body(Fault error) {
    }

    @Schema(name = "KeystoneFault")
    public record Fault(int code, String title, String message) {
    }
}
