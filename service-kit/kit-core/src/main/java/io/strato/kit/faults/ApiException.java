package io.strato.kit.faults;

/**
 * A failure a user should see, with the HTTP status it maps to and a message fit for a user.
 * Domain code throws one of the typed subclasses; each service renders it in its API's fault dialect.
 */
public abstract class ApiException extends RuntimeException {
    private final int status;

    protected ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
