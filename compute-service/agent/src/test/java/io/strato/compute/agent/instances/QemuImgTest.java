package io.strato.compute.agent.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.host.process.HostCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's qemu-img operations on host-kit's runner, and its failures in the agent's words. */
class QemuImgTest {

    @TempDir
    Path dir;

    final QemuImg qemuImg = new QemuImg();

    @Test
    void anOverlayGrowsButNeverShrinks() {
        Path base = dir.resolve("base.qcow2");
        Path overlay = dir.resolve("overlay.qcow2");
        qemuImg.createOverlay(emptyBase(base), "qcow2", overlay, OptionalLong.of(64L << 20));
        assertEquals(64L << 20, qemuImg.virtualSize(overlay, "qcow2"));
        qemuImg.grow(overlay, 128L << 20);
        assertEquals(128L << 20, qemuImg.virtualSize(overlay, "qcow2"));
        qemuImg.grow(overlay, 32L << 20);
        assertEquals(128L << 20, qemuImg.virtualSize(overlay, "qcow2"), "never shrinks");
        assertTrue(QemuImg.present(overlay));
    }

    @Test
    void qemuImgsOwnWordsAreTheFailure() {
        QemuImg.DiskFailure e = assertThrows(QemuImg.DiskFailure.class,
                () -> qemuImg.virtualSize(dir.resolve("missing.qcow2"), "qcow2"));
        assertTrue(e.getMessage().startsWith("qemu-img info failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("missing.qcow2"), e.getMessage());
    }

    @Test
    void aMissingBinarySaysWhatToInstall() {
        QemuImg.DiskFailure e = assertThrows(QemuImg.DiskFailure.class,
                () -> new QemuImg("/nonexistent/qemu-img").virtualSize(dir.resolve("x.qcow2"), "qcow2"));
        assertTrue(e.getMessage().startsWith("cannot run /nonexistent/qemu-img (install qemu-utils): "),
                e.getMessage());
    }

    /** A 16 MiB qcow2 file to put overlays on. */
    private static Path emptyBase(Path file) {
        HostCommand.of(Duration.ofSeconds(30), "qemu-img", "create", "-q", "-f", "qcow2", file.toString(), "16M")
                .output();
        return file;
    }
}
