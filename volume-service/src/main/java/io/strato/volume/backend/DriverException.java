package io.strato.volume.backend;

/** A backend operation failed; the message says why, for the volume's status reason. */
public class DriverException extends RuntimeException {
    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
