package io.strato.kit.faults;

/** HTTP 400: The request is malformed or a field is not valid. */
public class InvalidInput extends ApiException {
    public InvalidInput(String message) {
        super(400, message);
    }
}
