package io.strato.kit.faults;

/** HTTP 409: The request conflicts with the current state of the resource. */
public class Conflict extends ApiException {
    public Conflict(String message) {
        super(409, message);
    }
}
