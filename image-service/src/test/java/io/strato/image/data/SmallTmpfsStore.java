package io.strato.image.data;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Points the store at a 2 MiB tmpfs of its own, so that a test fills a real file system (ENOSPC from the
 * kernel, not an exception a mock throws). Mounting needs root (or CAP_SYS_ADMIN): where it is refused the
 * store gets a plain directory and {@code strato.test.tmpfs-refused} says why, for the tests to skip on.
 */
public class SmallTmpfsStore implements QuarkusTestResourceLifecycleManager {
    /** The tmpfs's size: small enough to fill in a test, large enough for a few images. */
    public static final long SIZE = 2L * 1024 * 1024;

    private Path directory;
    private boolean mounted;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("strato-image-store-tmpfs-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String refused = run("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", directory.toString());
        mounted = refused == null;
        return Map.of("strato.image.store.directory", directory.toString(),
                "strato.test.tmpfs-refused", mounted ? "" : "cannot mount a tmpfs here (" + refused + ")");
    }

    @Override
    public void stop() {
        if (mounted) {
            String failed = run("umount", directory.toString());
            if (failed != null) {
                throw new IllegalStateException("could not unmount the test tmpfs " + directory + ": " + failed);
            }
        }
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " timed out";
            }
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
