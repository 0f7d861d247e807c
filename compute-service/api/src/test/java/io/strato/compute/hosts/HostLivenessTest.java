package io.strato.compute.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostLivenessTest {
    /** The heartbeat clock's value now, in milliseconds of delivering channel. */
    private static final long CLOCK = 3_600_000;
    private static final Duration DOWN_TIME = Duration.ofSeconds(60);

    private static Long ago(int seconds) {
        return CLOCK - seconds * 1000L;
    }

    @Test
    void aHostIsUpWhileItsHeartbeatIsLessThanTheDownTimeAgoOnTheHeartbeatClock() {
        assertTrue(HostLiveness.isUp(false, ago(59), CLOCK, DOWN_TIME));
        assertFalse(HostLiveness.isUp(false, ago(60), CLOCK, DOWN_TIME));
    }

    @Test
    void aHostNeverHeardOfIsDown() {
        assertFalse(HostLiveness.isUp(false, null, CLOCK, DOWN_TIME));
    }

    @Test
    void aForcedDownHostIsDownWhateverItsHeartbeat() {
        assertFalse(HostLiveness.isUp(true, ago(0), CLOCK, DOWN_TIME));
    }

    @Test
    void theSqlFormUsesTheSameColumnsClockAndDownTime() {
        var liveness = new HostLiveness(Duration.ofSeconds(90));
        assertEquals("(NOT h.forced_down AND COALESCE((SELECT hbc.ms FROM compute_heartbeat_clock hbc) - "
                + "h.heartbeat_clock_ms < 90000, false))", liveness.upSql("h"));
        assertEquals("(NOT forced_down AND COALESCE((SELECT hbc.ms FROM compute_heartbeat_clock hbc) - "
                + "heartbeat_clock_ms < 90000, false))", liveness.upSql(null));
    }

    @Test
    void aDownTimeThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HostLiveness(Duration.ZERO));
    }
}
