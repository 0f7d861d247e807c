package io.strato.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

import java.security.MessageDigest;
import java.util.Random;

/** Writes {@code size} pseudo-random bytes to a stream with back-pressure, hashing them on the way; never holds them. */
final class GeneratedBody {

    private static final int CHUNK = 64 * 1024;

    private final WriteStream<Buffer> out;
    private final Random random = new Random(42);
    private final MessageDigest sha = UpstreamServers.sha256();
    private final Promise<Void> done = Promise.promise();
    private long remaining;

    private GeneratedBody(WriteStream<Buffer> out, long size) {
        this.out = out;
        this.remaining = size;
    }

    /** Starts writing; the future completes with the SHA-256 of everything written once the stream is ended. */
    static Future<byte[]> writeTo(WriteStream<Buffer> out, long size) {
        GeneratedBody body = new GeneratedBody(out, size);
        body.pump();
        return body.done.future().map(v -> body.sha.digest());
    }

    private void pump() {
        int burst = 16;
        while (remaining > 0 && !out.writeQueueFull() && burst-- > 0) {
            byte[] chunk = new byte[(int) Math.min(CHUNK, remaining)];
            random.nextBytes(chunk);
            sha.update(chunk);
            remaining -= chunk.length;
            out.write(Buffer.buffer(chunk));
        }
        if (remaining == 0) {
            out.end().onComplete(done);
        } else if (out.writeQueueFull()) {
            out.drainHandler(v -> pump());
        } else {
            // a fast reader never fills the queue: yield so the event loop is not blocked for the whole body
            Vertx.currentContext().runOnContext(v -> pump());
        }
    }
}
