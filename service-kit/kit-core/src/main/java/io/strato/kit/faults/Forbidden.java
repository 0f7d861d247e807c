package io.strato.kit.faults;

/** HTTP 403: You are not authorized to perform the requested action. */
public class Forbidden extends ApiException {
    public Forbidden(String message) {
        super(403, message);
    }
}
