package io.strato.kit.faults;

/** HTTP 503: The service is temporarily unavailable. */
public class Unavailable extends ApiException {
    public Unavailable(String message) {
        super(503, message);
    }
}
