package io.strato.identity.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.strato.kit.faults.FaultDialect;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is JSON but of the wrong shape for its record ({@code {"enabled": "maybe"}} for a boolean)
 * is a Keystone 400 like any malformed body. quarkus-rest-jackson maps MismatchedInputException itself,
 * and that mapper is nearer to the exception than the kit's JsonProcessingException one, so it won and
 * answered {@code {"objectName": ..., "attributeName": ...}} instead of {@code {"error": {...}}}.
 * This one is as near and wins over the built-in; it says what the kit's JSON mapper says.
 */
public class MismatchedInputFaults {
    private final FaultDialect dialect;

    public MismatchedInputFaults(FaultDialect dialect) {
        this.dialect = dialect;
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return dialect.render(400, e, "Malformed request body: " + e.getOriginalMessage());
    }
}
