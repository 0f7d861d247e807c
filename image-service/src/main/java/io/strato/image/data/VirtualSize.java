package io.strato.image.data;

import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Reads an image's virtual size from its first bytes while they stream past: for qcow2 the
 * big-endian 64-bit size at offset 24 of the header (magic {@code QFI\xfb}), for raw the file size,
 * otherwise unknown.
 */
final class VirtualSize {
    static final int QCOW2_HEADER = 32;
    private static final int QCOW2_MAGIC = 0x514649fb;

    private final byte[] head = new byte[QCOW2_HEADER];
    private int filled;

    /** Keeps what is needed of {@code chunk}; cheap once the header is complete. */
    void accept(Buffer chunk) {
        if (filled < head.length) {
            int n = Math.min(head.length - filled, chunk.length());
            chunk.getDelegate().getBytes(0, n, head, filled);
            filled += n;
        }
    }

    /** The virtual size for {@code diskFormat}, or null when it can't be told. */
    Long of(String diskFormat, long size) {
        if ("raw".equals(diskFormat)) {
            return size;
        }
        if ("qcow2".equals(diskFormat) && filled == head.length && readInt(0) == QCOW2_MAGIC) {
            long v = ((long) readInt(24) << 32) | (readInt(28) & 0xffffffffL);
            return v >= 0 ? v : null;
        }
        return null;
    }

    private int readInt(int at) {
        return ((head[at] & 0xff) << 24) | ((head[at + 1] & 0xff) << 16) | ((head[at + 2] & 0xff) << 8) | (head[at + 3] & 0xff);
    }
}
