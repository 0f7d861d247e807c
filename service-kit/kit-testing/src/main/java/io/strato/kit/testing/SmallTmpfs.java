package io.strato.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A 2 MiB tmpfs for a service's data directory, so that a test fills a real file system (the kernel's ENOSPC, seen
 * by the JVM and by the tools a service runs alike, not an exception a mock throws). Mounting needs root (or
 * CAP_SYS_ADMIN): where it is refused the directory stays plain and {@code strato.test.tmpfs-refused} says why, for
 * tests to skip on.
 *
 * <p>As a test resource it points the configuration key given as the init argument {@code key} (e.g.
 * {@code strato.image.store.directory}) at the tmpfs:
 * {@code @WithTestResource(value = SmallTmpfs.class, initArgs = @ResourceArg(name = "key", value = "..."))}.
 * The static methods serve tests that mount one themselves.
 */
public class SmallTmpfs implements QuarkusTestResourceLifecycleManager {
    /** The tmpfs's size: small enough to fill in a test, large enough for a few small files. */
    public static final long SIZE = 2L * 1024 * 1024;
    /** The property that holds why no tmpfs could be mounted, or "" when one is. */
    public static final String REFUSED = "strato.test.tmpfs-refused";

    private String key;
    private Path directory;
    private String refused;

    @Override
    public void init(Map<String, String> initArgs) {
        key = initArgs == null ? null : initArgs.get("key");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("SmallTmpfs needs the init argument 'key': the directory's config key");
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("strato-tmpfs-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        refused = mount(directory);
        return Map.of(key, directory.toString(), REFUSED, refused == null ? "" : refused);
    }

    @Override
    public void stop() {
        unmount(directory, refused == null);
    }

    /** Mounts a tmpfs of {@link #SIZE} on {@code dir}; null when it is mounted, else why not. */
    public static String mount(Path dir) {
        String failed = run("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", dir.toString());
        return failed == null ? null : "cannot mount a tmpfs here (" + failed + ")";
    }

    /** Unmounts {@code dir} (when {@code mounted}) and removes it with what is left in it. */
    public static void unmount(Path dir, boolean mounted) {
        if (mounted) {
            String failed = run("umount", dir.toString());
            if (failed != null) {
                throw new IllegalStateException("could not unmount the test tmpfs " + dir + ": " + failed);
            }
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code filler} so that at most {@code room} bytes stay free on {@code dir}'s file system (a tmpfs). */
    public static void fillLeaving(Path dir, Path filler, long room) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free > SIZE) {
            throw new IllegalStateException(dir + " is not on the test tmpfs: " + free + " bytes free");
        }
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            for (long left = free - room; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        } catch (IOException full) {
            if (room > 0) {
                throw full;
            }
            // asked to leave nothing: the kernel's own ENOSPC ends the filler
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
