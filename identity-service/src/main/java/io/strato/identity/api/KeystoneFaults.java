package io.strato.identity.api;

import io.strato.identity.config.IdentityConfig;
import io.strato.kit.faults.FaultDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keystone's error format: {@code {"error": {"code": 404, "title": "Not Found", "message": "..."}}}. */
@ApplicationScoped
public class KeystoneFaults implements FaultDialect {
    private final IdentityConfig config;

    public KeystoneFaults(IdentityConfig config) {
        this.config = config;
    }

    @Override
    public Response render(int status, Throwable cause, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("title", FaultDialect.title(status));
        error.put("message", message);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error));
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"" + config.publicUrl() + "\"");
        }
        return r.build();
    }
}
