package io.strato.compute.agent.images;

/** An image could not be brought into the cache (not found, no data, checksum mismatch, image-service down). */
public class ImageFailure extends RuntimeException {
    public ImageFailure(String message) {
        super(message);
    }

    public ImageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
