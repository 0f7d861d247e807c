package io.strato.network.api;

import io.strato.kit.faults.FaultDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's error body: {@code {"NeutronError": {"type": "NetworkNotFound", "message": "...", "detail": ""}}}.
 * openstacksdk and the CLI print {@code message}; Tempest and Terraform match on {@code type}.
 */
@ApplicationScoped
public class NeutronFaults implements FaultDialect {

    @Override
    public Response render(int status, Throwable cause, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", cause instanceof NeutronType t ? t.neutronType() : typeOf(status));
        error.put("message", message == null || message.isBlank() ? FaultDialect.title(status) : message);
        error.put("detail", "");
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("NeutronError", error));
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"identity\"");
        }
        return r.build();
    }

    /** The type Neutron's webob layer gives an untyped fault of this status. */
    static String typeOf(int status) {
        return switch (status) {
            case 400 -> "HTTPBadRequest";
            case 401 -> "HTTPUnauthorized";
            case 403 -> "PolicyNotAuthorized";
            case 404 -> "HTTPNotFound";
            case 405 -> "HTTPMethodNotAllowed";
            case 409 -> "Conflict";
            case 413 -> "OverQuota";
            case 415 -> "HTTPUnsupportedMediaType";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "HTTPInternalServerError" : "HTTPClientError";
        };
    }
}
