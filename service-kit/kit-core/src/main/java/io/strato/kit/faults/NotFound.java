package io.strato.kit.faults;

/** HTTP 404: The resource could not be found. */
public class NotFound extends ApiException {
    public NotFound(String message) {
        super(404, message);
    }
}
