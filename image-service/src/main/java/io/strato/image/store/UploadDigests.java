package io.strato.image.store;

import io.smallrye.mutiny.Uni;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The running MD5 (Glance's {@code checksum}) and SHA-512 ({@code os_hash_value}) of an upload, each worked out on a
 * worker thread rather than the event loop, and the two side by side: the event loop only receives the bytes and
 * hands them on. Each digest is a chain of updates run one after another, in the order the batches were added.
 * Measured on 2 cores (docs/benchmarks.md, issue 17): on the event loop, the two digests took more than half of it
 * and capped an upload at ~160 MiB/s.
 */
final class UploadDigests {
    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha512 = digest("SHA-512");
    private final Executor workers;
    private CompletableFuture<Void> md5Done = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> sha512Done = CompletableFuture.completedFuture(null);
    private long size;

    UploadDigests(Executor workers) {
        this.workers = workers;
    }

    /**
     * Adds {@code batch} (whose bytes nobody changes until the answer ends), after every batch added before it; the
     * answer ends once both digests hold it. Called in the bytes' order, by one thread at a time (the upload's event
     * loop).
     */
    Uni<Void> add(UploadBatches.Batch batch) {
        byte[] bytes = batch.bytes();
        int length = batch.length();
        size += length;
        md5Done = md5Done.thenRunAsync(() -> md5.update(bytes, 0, length), workers);
        sha512Done = sha512Done.thenRunAsync(() -> sha512.update(bytes, 0, length), workers);
        return Uni.createFrom().completionStage(CompletableFuture.allOf(md5Done, sha512Done));
    }

    /** The bytes added so far (digested or not yet). */
    long size() {
        return size;
    }

    /** Hex MD5 of every byte added; only once the answers of {@link #add} have all ended. */
    String md5() {
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Hex SHA-512 of every byte added; only once the answers of {@link #add} have all ended. */
    String sha512() {
        return HexFormat.of().formatHex(sha512.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
    }
}
