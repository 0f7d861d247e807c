package io.strato.kit.faults;

import jakarta.ws.rs.core.Response;

/**
 * How one OpenStack API writes its errors. Each service provides exactly one bean; the kit's
 * exception mappers call it for every failure so that the real clients can parse the answer.
 */
public interface FaultDialect {

    /**
     * Renders a fault.
     *
     * @param status  the HTTP status
     * @param cause   the exception being rendered (its class tells a dialect such as Neutron's the fault type)
     * @param message a message fit for a user; never a stack trace
     */
    Response render(int status, Throwable cause, String message);

    /** The standard reason phrase of a status, for dialects that carry a title. */
    static String title(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        if (status == 413) {
            return "Request Entity Too Large";
        }
        return s != null ? s.getReasonPhrase() : "Error";
    }
}
