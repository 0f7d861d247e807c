package io.strato.kit.rest;

import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character ({@code %00}) in the path or the query with a 400 in the API's fault format, before
 * routing. No OpenStack name, id or filter holds one, and PostgreSQL cannot store or compare one: a
 * {@code /projects/%00} or {@code ?name=%00} reached the database and answered 500 (issue 16). A NUL inside a
 * JSON string is refused where the database meets it ({@link FaultMappers}: SQLSTATE 22021).
 */
public class NulInput {

    @ServerRequestFilter(preMatching = true)
    public void refuse(ContainerRequestContext request) {
        String path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPath(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("Invalid input: the URL has a malformed percent-encoding.");
        }
        if (hasNul(path)) {
            throw new InvalidInput("Invalid input: the path contains a character that is not allowed (NUL, U+0000).");
        }
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (hasNul(e.getKey()) || e.getValue().stream().anyMatch(NulInput::hasNul)) {
                throw new InvalidInput("Invalid input: the query parameter '" + e.getKey().replace("\0", "")
                        + "' contains a character that is not allowed (NUL, U+0000).");
            }
        }
    }

    static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }
}
