package io.strato.kit.testapp;

import io.quarkus.arc.DefaultBean;
import io.strato.kit.faults.FaultDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The kit's test application is not a service, so it has no API dialect of its own; this one (Keystone's
 * shape) lets it boot. A default bean: any dialect a test declares wins.
 */
@ApplicationScoped
@DefaultBean
public class TestFaultDialect implements FaultDialect {

    @Override
    public Response render(int status, Throwable cause, String message) {
        return Response.status(status)
                .entity(Map.of("error", Map.of("code", status, "title", FaultDialect.title(status), "message", message)))
                .build();
    }
}
