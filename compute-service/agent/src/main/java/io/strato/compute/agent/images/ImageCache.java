package io.strato.compute.agent.images;

import io.strato.compute.protocol.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The host's image cache: one file per image id, downloaded once from image-service, md5-verified
 * against the image's checksum while streaming into a temporary file, then renamed into place (a crash
 * never leaves a partial image that looks complete). Concurrent spawns of one image share one download.
 *
 * <p>An image deleted in image-service is evicted at once when no instance's disk is backed by it;
 * otherwise it is marked ({@code <id>.deleted}) and evicted by {@link #sweep} once its last instance
 * is gone. Use and eviction of one image exclude each other, so a spawn never loses its base image
 * between fetching it and creating its overlay.
 */
public class ImageCache {

    private static final Logger LOG = Logger.getLogger(ImageCache.class);
    private static final String DELETED = ".deleted";
    private static final String PART = ".part";

    /** A cached image file and the format it is in. */
    public record CachedImage(UUID id, Path path, String format) {
    }

    private final Path dir;
    private final ImageClient client;
    private final Map<UUID, CompletableFuture<Path>> downloads = new ConcurrentHashMap<>();
    private final Map<UUID, ReadWriteLock> locks = new ConcurrentHashMap<>();

    public ImageCache(Path dir, ImageClient client) {
        this.dir = dir.toAbsolutePath();
        this.client = client;
        try {
            Files.createDirectories(this.dir);
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(this.dir, "*" + PART)) {
                for (Path p : parts) {
                    Files.deleteIfExists(p); // left by a download a crash interrupted
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the image cache " + this.dir, e);
        }
    }

    public Path path(UUID imageId) {
        return dir.resolve(imageId.toString());
    }

    public boolean cached(UUID imageId) {
        return Files.isRegularFile(path(imageId));
    }

    /**
     * Runs {@code work} with the image present in the cache; the image cannot be evicted meanwhile.
     * Record the instance that uses the image inside {@code work}, so a later eviction sees it.
     */
    public <T> T use(Commands.Image image, Function<CachedImage, T> work) {
        return locked(image.id(), false, () -> {
            Path file = ensure(image.id(), image.checksum(), image.size());
            return work.apply(new CachedImage(image.id(), file, image.diskFormat()));
        });
    }

    /** An image known only by id (a kernel or ramdisk): its checksum and format are asked of image-service. */
    public <T> T use(UUID imageId, Function<CachedImage, T> work) {
        return locked(imageId, false, () -> {
            ImageClient.ImageInfo info = cached(imageId) ? null : client.info(imageId);
            Path file = ensure(imageId, info == null ? null : info.checksum(), info == null ? null : info.size());
            return work.apply(new CachedImage(imageId, file, info == null ? null : info.diskFormat()));
        });
    }

    /**
     * The image was deleted in image-service: removes it now if no instance uses it, else marks it for
     * {@link #sweep}. Returns whether the file is gone.
     */
    public boolean evict(UUID imageId, Set<UUID> inUse) {
        return locked(imageId, true, () -> {
            if (!Files.exists(path(imageId))) {
                deleteQuietly(marker(imageId));
                return true;
            }
            if (inUse.contains(imageId)) {
                touch(marker(imageId));
                LOG.infof("image %s was deleted but instances still use it; evicted when the last one goes", imageId);
                return false;
            }
            remove(imageId);
            return true;
        });
    }

    /** Evicts the images marked deleted that no instance uses any more. */
    public void sweep(Set<UUID> inUse) {
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(dir, "*" + DELETED)) {
            for (Path m : markers) {
                String name = m.getFileName().toString();
                UUID id;
                try {
                    id = UUID.fromString(name.substring(0, name.length() - DELETED.length()));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (!inUse.contains(id)) {
                    evict(id, inUse);
                }
            }
        } catch (IOException e) {
            LOG.warnf("image cache sweep failed: %s", e.getMessage());
        }
    }

    private Path ensure(UUID imageId, String checksum, Long size) {
        Path file = path(imageId);
        if (Files.isRegularFile(file)) {
            return file;
        }
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> running = downloads.putIfAbsent(imageId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Path done = Files.isRegularFile(file) ? file : download(imageId, checksum, size);
            mine.complete(done);
            return done;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            downloads.remove(imageId, mine);
        }
    }

    private Path download(UUID imageId, String checksum, Long size) {
        Path file = path(imageId);
        Path part = dir.resolve(imageId + "." + UUID.randomUUID() + PART);
        long started = System.nanoTime();
        try {
            MessageDigest md5 = md5();
            long[] written = {0};
            client.download(imageId, body -> {
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), md5)) {
                    written[0] = copy(body, out);
                }
            });
            String actual = HexFormat.of().formatHex(md5.digest());
            if (checksum != null && !checksum.equalsIgnoreCase(actual)) {
                throw new ImageFailure("image " + imageId + " failed verification: md5 " + actual
                        + " does not match its checksum " + checksum);
            }
            if (size != null && size != written[0]) {
                throw new ImageFailure("image " + imageId + " is " + size + " bytes but " + written[0] + " arrived");
            }
            move(part, file);
            LOG.infof("cached image %s (%d bytes, md5 %s) in %d ms", imageId, written[0], actual,
                    (System.nanoTime() - started) / 1_000_000);
            return file;
        } catch (IOException e) {
            throw new ImageFailure("cannot write image " + imageId + " into " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private <T> T locked(UUID imageId, boolean exclusive, Supplier<T> work) {
        ReadWriteLock lock = locks.computeIfAbsent(imageId, id -> new ReentrantReadWriteLock());
        var l = exclusive ? lock.writeLock() : lock.readLock();
        l.lock();
        try {
            return work.get();
        } finally {
            l.unlock();
        }
    }

    private void remove(UUID imageId) {
        try {
            Files.deleteIfExists(path(imageId));
            Files.deleteIfExists(marker(imageId));
            LOG.infof("evicted image %s from the cache", imageId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot evict image " + imageId, e);
        }
    }

    private Path marker(UUID imageId) {
        return dir.resolve(imageId + DELETED);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void touch(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("cannot delete %s: %s", file, e.getMessage());
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
