package io.strato.kit.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Supplier;

/** Reads a request body of unknown length into memory, never more than a limit of it. */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The body as a stream once it has all arrived; or, as soon as it grows past {@code limit} bytes, the failure
     * {@code tooLarge} gives. The rest of a refused body is not read: see {@link #stopReading}.
     */
    static Uni<InputStream> read(HttpServerRequest request, long limit, Supplier<? extends RuntimeException> tooLarge) {
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            boolean[] refused = {false};
            request.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + (long) chunk.length() > limit) {
                    refused[0] = true;
                    stopReading(request);
                    emitter.fail(tooLarge.get());
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(e -> {
                if (!refused[0]) {
                    refused[0] = true;
                    emitter.fail(e);
                }
            });
            request.endHandler(v -> {
                if (!refused[0]) {
                    emitter.complete(new ByteArrayInputStream(body.getBytes()));
                }
            });
            request.resume();
        });
    }

    /**
     * Reads no more of a refused body: on HTTP/1.1 the client would otherwise send the rest of it (the connection
     * cannot serve another request before it ends), so the answer says {@code Connection: close} and the connection
     * is closed once it is written, as Quarkus does past {@code max-body-size}. An HTTP/2 stream ends alone.
     */
    private static void stopReading(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        request.pause();
        request.response().putHeader("Connection", "close");
        request.response().bodyEndHandler(v -> request.connection().close());
    }
}
