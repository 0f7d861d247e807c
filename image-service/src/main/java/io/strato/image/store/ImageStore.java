package io.strato.image.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import java.util.UUID;

/**
 * Where image bytes live. Every method streams: no implementation may hold a whole image in memory.
 * The filesystem store is the default; an S3-compatible store implements the same three calls
 * (multipart upload in {@code write}, ranged GET in {@code read}, DELETE in {@code delete}).
 */
public interface ImageStore {

    /**
     * Consumes {@code body} chunk by chunk (requesting the next chunk only once the previous one is
     * stored) and keeps it, computing MD5 and SHA-512 on the way.
     *
     * @param maxBytes the body may not be longer; past it the write fails with {@link SizeLimitExceeded}
     * @return the stored image once every byte is durable; on any failure, on {@code body}'s failure
     *     or on cancellation nothing of the partial write is left behind; {@link StorageFull} when the store has
     *     no room for the bytes
     */
    Uni<StoredImage> write(UUID imageId, Multi<Buffer> body, long maxBytes);

    /**
     * Streams {@code length} bytes starting at {@code offset} of what {@code write} stored at
     * {@code location}, with back-pressure (a chunk is read only when requested).
     */
    Multi<Buffer> read(String location, long offset, long length);

    /** Whether the bytes at {@code location} are there (an operator may have removed them behind our back). */
    Uni<Boolean> exists(String location);

    /** Removes the bytes at {@code location}; succeeds when they are already gone. */
    Uni<Void> delete(String location);
}
