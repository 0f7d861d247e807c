package io.strato.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nova's status_from_state and its inverse for the status filter. */
class ServerStatusTest {

    @Test
    void statusFollowsVmStateAndTaskStateAsNova() {
        assertEquals("BUILD", ServerStatus.of("building", "scheduling"));
        assertEquals("BUILD", ServerStatus.of("building", null));
        assertEquals("ACTIVE", ServerStatus.of("active", null));
        assertEquals("ACTIVE", ServerStatus.of("active", "deleting"));
        assertEquals("ACTIVE", ServerStatus.of("active", "powering-off"));
        assertEquals("REBOOT", ServerStatus.of("active", "rebooting"));
        assertEquals("HARD_REBOOT", ServerStatus.of("active", "rebooting_hard"));
        assertEquals("RESIZE", ServerStatus.of("active", "resize_prep"));
        assertEquals("RESIZE", ServerStatus.of("stopped", "resize_prep"));
        assertEquals("SHUTOFF", ServerStatus.of("stopped", "powering-on"));
        assertEquals("VERIFY_RESIZE", ServerStatus.of("resized", null));
        assertEquals("REVERT_RESIZE", ServerStatus.of("resized", "resize_reverting"));
        assertEquals("ERROR", ServerStatus.of("error", null));
        assertEquals("UNKNOWN", ServerStatus.of("bogus", null));
    }

    @Test
    void everyStatePatternOfAStatusMapsBackToIt() {
        for (String status : List.of("ACTIVE", "BUILD", "SHUTOFF", "REBOOT", "HARD_REBOOT", "RESIZE", "VERIFY_RESIZE",
                "REVERT_RESIZE", "ERROR")) {
            List<ServerStatus.StatePattern> patterns = ServerStatus.patterns(status);
            assertTrue(!patterns.isEmpty(), status);
            for (ServerStatus.StatePattern p : patterns) {
                if (p.negate()) {
                    assertEquals(status, ServerStatus.of(p.vmState(), null), status + " by default for " + p.vmState());
                    p.tasks().forEach(t -> assertTrue(!status.equals(ServerStatus.of(p.vmState(), t)),
                            t + " is excluded because it is another status"));
                } else {
                    p.tasks().forEach(t -> assertEquals(status, ServerStatus.of(p.vmState(), t)));
                }
            }
        }
        assertTrue(ServerStatus.patterns("NOPE").isEmpty());
        assertEquals(ServerStatus.patterns("active"), ServerStatus.patterns("ACTIVE"));
    }
}
