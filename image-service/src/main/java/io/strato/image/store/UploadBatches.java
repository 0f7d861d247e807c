package io.strato.image.store;

import io.vertx.mutiny.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Joins an upload's chunks into batches, one file write and one digest update each, in arrays that are used again
 * once a batch is written and digested. A new 1 MiB array per batch lived long enough (while being written and
 * digested) to be promoted, and an upload of 1 GiB then cost four full collections. Used by one upload's event loop
 * only.
 */
final class UploadBatches {

    /** {@code length} bytes of an upload, at the start of {@code bytes}. */
    record Batch(byte[] bytes, int length) {
    }

    private final ArrayDeque<byte[]> free = new ArrayDeque<>();

    /** The chunks' bytes, one after another, in one batch. */
    Batch join(List<Buffer> chunks) {
        int length = 0;
        for (Buffer chunk : chunks) {
            length += chunk.length();
        }
        byte[] bytes = free.poll();
        if (bytes == null || bytes.length < length) {
            bytes = new byte[length];
        }
        int at = 0;
        for (Buffer chunk : chunks) {
            chunk.getBytes(0, chunk.length(), bytes, at);
            at += chunk.length();
        }
        return new Batch(bytes, length);
    }

    /** Takes back a batch's array: it is written and digested. */
    void release(Batch batch) {
        free.push(batch.bytes());
    }
}
