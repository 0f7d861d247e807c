package io.strato.image.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.file.AsyncFile;
import io.vertx.mutiny.core.file.FileSystem;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
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
    private static final int READ_CHUNK = 64 * 1024;
    /** Locations are bare file names this store made: {@code <image id>.<write id>}. */
    private static final Pattern LOCATION = Pattern.compile("[0-9a-f-]{36}\\.[0-9a-f-]{36}");

    private final FileSystem fs;
    private final Path directory;

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
                    Digests digests = new Digests();
                    return body
                            .onItem().transformToUniAndConcatenate(chunk -> {
                                digests.update(chunk);
                                if (digests.size > maxBytes) {
                                    return Uni.createFrom().failure(new SizeLimitExceeded(maxBytes));
                                }
                                return file.write(chunk);
                            })
                            .onItem().ignoreAsUni()
                            .chain(() -> file.flush())
                            .chain(() -> file.close())
                            .chain(() -> fs.move(partial, target, new CopyOptions().setAtomicMove(true)))
                            .map(v -> new StoredImage(location, digests.size, digests.md5(), digests.sha512()))
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

    /** Running MD5 and SHA-512 of the bytes seen so far. */
    private static final class Digests {
        private final MessageDigest md5 = digest("MD5");
        private final MessageDigest sha512 = digest("SHA-512");
        private long size;

        void update(Buffer chunk) {
            byte[] bytes = chunk.getBytes();
            md5.update(bytes);
            sha512.update(bytes);
            size += bytes.length;
        }

        String md5() {
            return HexFormat.of().formatHex(md5.digest());
        }

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
}
