package io.strato.network.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.kit.faults.FaultDialect;
import io.strato.kit.faults.FaultNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Neutron's error body: {@code {"NeutronError": {"type": "NetworkNotFound", "message": "...", "detail": ""}}}.
 * openstacksdk and the CLI print {@code message}; Tempest and Terraform match on {@code type}.
 */
@ApplicationScoped
public class NeutronFaults implements FaultDialect {

    @Override
    public Response render(int status, Throwable cause, String message) {
        Fault fault = new Fault(new Fault.Error(cause instanceof NeutronType t ? t.neutronType() : typeOf(status),
                message == null || message.isBlank() ? FaultDialect.title(status) : message, ""));
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(fault);
        if (status == 401) {
            r.header("WWW-Authenticate", "Keystone uri=\"identity\"");
        }
        return r.build();
    }

    /** {@code {"NeutronError": {"type": ..., "message": ..., "detail": ""}}} */
    public record Fault(@JsonProperty("NeutronError") Error neutronError) {
        public record Error(@JsonProperty("type") String type, @JsonProperty("message") String message,
                            @JsonProperty("detail") String detail) {
        }
    }

    /** The type Neutron's webob layer gives an untyped fault of this status. */
    static String typeOf(int status) {
        return FaultNames.neutron(status);
    }
}
