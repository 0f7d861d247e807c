package io.strato.compute.agent.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.protocol.Commands;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageCacheTest {

    final AgentFixture fx = new AgentFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void concurrentUsersOfOneImageShareOneDownload() throws Exception {
        fx.images.downloadDelay(300);
        Commands.Image image = fx.image();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> paths = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            paths.add(pool.submit(() -> fx.cache.use(image, cached -> cached.path().toString())));
        }
        for (Future<String> p : paths) {
            assertEquals(fx.cache.path(image.id()).toString(), p.get());
        }
        pool.shutdown();
        assertEquals(1, fx.images.downloads());
        assertEquals(image.size(), Files.size(fx.cache.path(image.id())));
        fx.cache.use(image, c -> null);
        assertEquals(1, fx.images.downloads(), "a cached image is not downloaded again");
    }

    @Test
    void aChecksumMismatchLeavesNoFileNotEvenAPartialOne() throws Exception {
        Commands.Image real = fx.image();
        Commands.Image lying = new Commands.Image(real.id(), "ffffffffffffffffffffffffffffffff", "qcow2", "bare",
                real.size(), Map.of());
        ImageFailure e = assertThrows(ImageFailure.class, () -> fx.cache.use(lying, c -> null));
        assertTrue(e.getMessage().contains("does not match its checksum ffffffffffffffffffffffffffffffff"),
                e.getMessage());
        try (var files = Files.list(fx.dir.resolve("cache"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void anExpiredTokenIsReplacedOnce() {
        fx.cache.use(fx.image(), c -> null);
        assertEquals(1, fx.images.tokensIssued());
        fx.images.revokeTokens();
        UUID other = fx.images.add("other".getBytes(), "raw");
        fx.cache.use(fx.images.image(other, Map.of()), c -> null);
        assertEquals(2, fx.images.tokensIssued());
        assertTrue(fx.cache.cached(other));
    }

    @Test
    void anUnknownImageFailsWithAClearMessage() {
        UUID missing = UUID.randomUUID();
        ImageFailure e = assertThrows(ImageFailure.class, () -> fx.cache.use(missing, c -> null));
        assertEquals("image " + missing + " was not found in image-service", e.getMessage());
    }

    @Test
    void evictionWaitsForTheLastInstance() {
        Commands.Image image = fx.image();
        fx.cache.use(image, c -> null);
        assertFalse(fx.cache.evict(image.id(), Set.of(image.id())));
        assertTrue(fx.cache.cached(image.id()));
        fx.cache.sweep(Set.of(image.id()));
        assertTrue(fx.cache.cached(image.id()), "still in use");
        fx.cache.sweep(Set.of());
        assertFalse(fx.cache.cached(image.id()));
        assertTrue(fx.cache.evict(image.id(), Set.of()), "evicting what is gone is fine");
    }

    @Test
    void anUnusedImageIsEvictedAtOnce() {
        Commands.Image image = fx.image();
        fx.cache.use(image, c -> null);
        assertTrue(fx.cache.evict(image.id(), Set.of()));
        assertFalse(fx.cache.cached(image.id()));
    }
}
