package io.strato.kit.faults;

/** HTTP 401: The request you have made requires authentication. */
public class Unauthorized extends ApiException {
    public Unauthorized(String message) {
        super(401, message);
    }
}
