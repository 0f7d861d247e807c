package io.strato.compute.agent.instances;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.agent.Json;
import io.strato.host.process.CommandFailed;
import io.strato.host.process.CommandInterrupted;
import io.strato.host.process.CommandNotStarted;
import io.strato.host.process.CommandTimedOut;
import io.strato.host.process.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** {@code qemu-img} (Debian's qemu-utils): thin overlays on cached images, their size and growth, snapshots. */
public final class QemuImg {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String binary;

    public QemuImg() {
        this("qemu-img");
    }

    public QemuImg(String binary) {
        this.binary = binary;
    }

    /** A disk operation failed; the message carries qemu-img's own words. */
    public static final class DiskFailure extends RuntimeException {
        public DiskFailure(String message) {
            super(message);
        }
    }

    /**
     * Creates {@code overlay} as a qcow2 file backed by {@code base} (nothing is copied); {@code sizeBytes},
     * when given, is the virtual size the guest sees (at least the base's).
     */
    public void createOverlay(Path base, String baseFormat, Path overlay, OptionalLong sizeBytes) {
        List<String> args = new ArrayList<>(List.of("create", "-q", "-f", "qcow2", "-F", baseFormat, "-b",
                base.toAbsolutePath().toString(), overlay.toString()));
        sizeBytes.ifPresent(s -> args.add(Long.toString(s)));
        run(args);
    }

    /** The size the guest sees of a disk file. */
    public long virtualSize(Path file, String format) {
        String out = run(List.of("info", "--output=json", "-f", format, file.toString()));
        JsonNode info;
        try {
            info = Json.MAPPER.readTree(out);
        } catch (IOException e) {
            throw new DiskFailure("qemu-img info " + file + " did not answer JSON: " + out);
        }
        return info.path("virtual-size").asLong();
    }

    /** Grows a qcow2 disk to {@code sizeBytes} (never shrinks: Nova refuses resizes to a smaller disk too). */
    public void grow(Path qcow2, long sizeBytes) {
        if (virtualSize(qcow2, "qcow2") >= sizeBytes) {
            return;
        }
        run(List.of("resize", "-q", "-f", "qcow2", qcow2.toString(), Long.toString(sizeBytes)));
    }

    /**
     * Copies {@code source} (a disk in {@code sourceFormat}, backed or not) into {@code target} as one standalone
     * qcow2 file: every cluster the guest sees, the backing chain flattened, unallocated space left out (Nova's
     * {@code extract_snapshot}). {@code forceShare} ({@code -U}) reads an image a running QEMU holds open for
     * writing; only consistent when that QEMU has stopped writing to it (its guest paused: QEMU drains and flushes
     * every disk when it stops the vCPUs).
     */
    public void convertToQcow2(Path source, String sourceFormat, Path target, boolean forceShare, Duration timeout) {
        List<String> args = new ArrayList<>(List.of("convert", "-q", "-f", sourceFormat, "-O", "qcow2"));
        if (forceShare) {
            args.add("-U");
        }
        args.add(source.toString());
        args.add(target.toString());
        run(args, timeout);
    }

    private String run(List<String> args) {
        return run(args, TIMEOUT);
    }

    /** Runs qemu-img (host-kit's runner: the timeout holds even when it hangs with its output open). */
    private String run(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(args);
        try {
            return new HostCommand(timeout, command).output();
        } catch (CommandTimedOut e) {
            throw new DiskFailure(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
        } catch (CommandFailed e) {
            throw new DiskFailure("qemu-img " + args.get(0) + " failed: " + e.output());
        } catch (CommandNotStarted e) {
            throw new DiskFailure("cannot run " + binary + " (install qemu-utils): " + e.getCause().getMessage());
        } catch (CommandInterrupted e) {
            throw new DiskFailure("interrupted while running qemu-img");
        }
    }

    /** Whether the file exists and is a non-empty regular file (a half-written overlay is removed by its creator). */
    public static boolean present(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
