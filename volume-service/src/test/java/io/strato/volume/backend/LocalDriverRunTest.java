package io.strato.volume.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalDriver's commands on host-kit's runner, with their failures in the driver's words (no database). */
class LocalDriverRunTest {

    @TempDir
    Path dir;

    @Test
    void theOutputOfACommandThatSucceeds() {
        assertEquals("out\nerr", LocalDriver.run("sh", "-c", "echo out; echo err >&2"));
    }

    @Test
    void aFailedCommandCarriesItsOwnWords() {
        DriverException e = assertThrows(DriverException.class,
                () -> LocalDriver.run("qemu-img", "info", dir.resolve("missing.qcow2").toString()));
        assertTrue(e.getMessage().startsWith("qemu-img info failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("missing.qcow2"), e.getMessage());
    }

    @Test
    void aMissingProgramCouldNotRun() {
        DriverException e = assertThrows(DriverException.class, () -> LocalDriver.run("/nonexistent/qemu-img", "info"));
        assertTrue(e.getMessage().startsWith("could not run /nonexistent/qemu-img: "), e.getMessage());
    }

    @Test
    void allocatedBytesAreWhatTheFileOccupies() throws Exception {
        Path file = dir.resolve("volume.qcow2");
        LocalDriver.run("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), "1G");
        long allocated = LocalDriver.allocatedBytes(file);
        assertTrue(allocated > 0 && allocated < 1L << 20, "a thin qcow2 occupies little: " + allocated);
        Files.write(dir.resolve("plain"), new byte[1 << 20]);
        assertTrue(LocalDriver.allocatedBytes(dir.resolve("plain")) >= 1 << 20);
        assertThrows(java.io.IOException.class, () -> LocalDriver.allocatedBytes(dir.resolve("missing")));
    }
}
