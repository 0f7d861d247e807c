package io.strato.image.store;

/** The body grew past the limit the caller gave to {@link ImageStore#write}; nothing was kept. */
public class SizeLimitExceeded extends RuntimeException {
    private final long limit;

    public SizeLimitExceeded(long limit) {
        super("the image data exceeds the " + limit + " bytes allowed");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
