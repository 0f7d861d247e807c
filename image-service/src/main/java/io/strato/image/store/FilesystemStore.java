package io.strato.image.store;

import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.strato.kit.vertx.CallerContext;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.file.AsyncFile;
import io.vertx.mutiny.core.file.FileSystem;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Keeps each image as one file in a directory, through Vert.x's asynchronous file system (never
 * blocking the event loop). A write goes to {@code <name>.partial} and is renamed atomically once
 * flushed, so a reader never sees half an image and a crash leaves only {@code .partial} files. A file system
 * with no room left fails the write with {@link StorageFull}, its partial file removed.
 */
@ApplicationScoped
public class FilesystemStore implements ImageStore {
    private static final Logger LOG = Logger.getLogger(FilesystemStore.class);
    private static final String PARTIAL = ".partial";
    /** A download reads (and hands the connection) this much at a time: a quarter as many round trips as 64 KiB. */
    private static final int READ_CHUNK = 256 * 1024;
    /** Chunks of an upload joined into one write: 16 of the HTTP server's at most 64 KiB (max-chunk-size), 1 MiB. */
    private static final int CHUNKS_PER_WRITE = 16;
    /** Joined chunks of an upload being written (and digested) at once. */
    private static final int WRITES_IN_FLIGHT = 4;
    /** How many bytes of an upload are written between two background flushes (see {@link BackgroundSync}). */
    private static final long SYNC_EVERY = 64L << 20;
    /** Locations are bare file names this store made: {@code <image id>.<write id>}. */
    private static final Pattern LOCATION = Pattern.compile("[0-9a-f-]{36}\\.[0-9a-f-]{36}");

    private final FileSystem fs;
    private final Path directory;
    /** Where an upload's digests are worked out: Quarkus's worker pool. */
    private final Executor workers = Infrastructure.getDefaultWorkerPool();

    FilesystemStore(Vertx vertx, StoreConfig config) {
        this.fs = vertx.fileSystem();
        this.directory = Path.of(config.directory()).toAbsolutePath();
    }

    @Override
    public Uni<StoredImage> write(UUID imageId, Multi<Buffer> body, long maxBytes) {
        String location = imageId + "." + UUID.randomUUID();
        String partial = directory.resolve(location + PARTIAL).toString();
        String target = directory.resolve(location).toString();
        return fs.mkdirs(directory.toString())
                .chain(() -> fs.open(partial, new OpenOptions().setWrite(true).setCreateNew(true)))
                .chain(file -> {
                    UploadDigests digests = new UploadDigests(workers);
                    Executor loop = CallerContext.capture();
                    BackgroundSync sync = new BackgroundSync(file, SYNC_EVERY);
                    UploadBatches batches = new UploadBatches();
                    // The chunks are joined CHUNKS_PER_WRITE at a time (up to 1 MiB): one file write and one update
                    // of each digest per batch, not per chunk. Up to WRITES_IN_FLIGHT batches are being written and
                    // digested at once: each write takes its file position when it is made, so the bytes land in
                    // order whatever order the writes end in, and the digests take the batches in order on worker
                    // threads. The flush (fsync) comes once all have ended.
                    return body
                            .group().intoLists().of(CHUNKS_PER_WRITE)
                            .onItem().transformToUni(chunks -> {
                                UploadBatches.Batch batch = batches.join(chunks);
                                if (digests.size() + batch.length() > maxBytes) {
                                    return Uni.createFrom().<Void>failure(new SizeLimitExceeded(maxBytes));
                                }
                                Buffer bytes = Buffer.newInstance(io.vertx.core.buffer.Buffer.buffer(
                                        Unpooled.wrappedBuffer(batch.bytes(), 0, batch.length())));
                                return Uni.combine().all().unis(file.write(bytes), digests.add(batch)).discardItems()
                                        .emitOn(loop)
                                        .invoke(() -> {
                                            batches.release(batch);
                                            sync.wrote(batch.length());
                                        });
                            }).merge(WRITES_IN_FLIGHT)
                            .onItem().ignoreAsUni()
                            .chain(sync::settled)
                            .chain(() -> file.flush())
                            .chain(() -> file.close())
                            .chain(() -> fs.move(partial, target, new CopyOptions().setAtomicMove(true)))
                            .map(v -> new StoredImage(location, digests.size(), digests.md5(), digests.sha512()))
                            .onFailure().call(e -> discard(file, partial))
                            .onCancellation().call(() -> discard(file, partial));
                })
                // a full file system, while the file was made or written: the caller can tell it from a broken store
                .onFailure(StorageFull::describes).transform(StorageFull::new);
    }

    private Uni<Void> discard(AsyncFile file, String partial) {
        return file.close().onFailure().recoverWithNull()
                .chain(() -> fs.delete(partial))
                .onFailure().invoke(e -> LOG.warnf("could not remove partial image %s: %s", partial, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Override
    public Multi<Buffer> read(String location, long offset, long length) {
        return Uni.createFrom().item(() -> resolve(location))
                .chain(path -> fs.open(path, new OpenOptions().setRead(true).setWrite(false).setCreate(false)))
                .onItem().transformToMulti(file -> file
                        .setReadBufferSize(READ_CHUNK)
                        .setReadPos(offset)
                        .setReadLength(length)
                        .toMulti()
                        .onTermination().call(() -> file.close().onFailure().recoverWithNull()));
    }

    @Override
    public Uni<Boolean> exists(String location) {
        return Uni.createFrom().item(() -> resolve(location)).chain(fs::exists);
    }

    @Override
    public Uni<Void> delete(String location) {
        return Uni.createFrom().item(() -> resolve(location))
                .chain(path -> fs.exists(path).chain(there -> there ? fs.delete(path) : Uni.createFrom().voidItem()));
    }

    private String resolve(String location) {
        if (location == null || !LOCATION.matcher(location).matches()) {
            throw new IllegalArgumentException("not a location of this store: " + location);
        }
        return directory.resolve(location).toString();
    }
}
