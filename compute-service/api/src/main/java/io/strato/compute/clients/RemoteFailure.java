package io.strato.compute.clients;

/**
 * A call to another service that did not succeed. {@code status} is the HTTP status the other service
 * answered, or 0 when it could not be reached (or timed out). Unreachable services and 5xx answers are
 * {@link #isTransient() transient}: the saga retries them; 4xx answers are final.
 */
public class RemoteFailure extends RuntimeException {
    private final String service;
    private final int status;

    public RemoteFailure(String service, int status, String message) {
        super(message, null, false, false);
        this.service = service;
        this.status = status;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public boolean isTransient() {
        return status == 0 || status >= 500 || status == 401;
    }
}
