package io.strato.image.data;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * A response entity of image bytes, streamed by {@link ImageBytesWriter}.
 *
 * @param body   the bytes
 * @param length how many there are (the response's Content-Length)
 */
record ImageBytes(Multi<Buffer> body, long length) {
}
