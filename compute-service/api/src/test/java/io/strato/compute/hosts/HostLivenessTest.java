package io.strato.compute.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HostLivenessTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final Duration DOWN_TIME = Duration.ofSeconds(60);

    private static OffsetDateTime ago(int seconds) {
        return OffsetDateTime.ofInstant(NOW.minusSeconds(seconds), ZoneOffset.UTC);
    }

    @Test
    void aHostIsUpWhileItsHeartbeatIsNewerThanTheDownTime() {
        assertTrue(HostLiveness.isUp(false, ago(59), NOW, DOWN_TIME));
        assertFalse(HostLiveness.isUp(false, ago(60), NOW, DOWN_TIME));
        assertFalse(HostLiveness.isUp(false, null, NOW, DOWN_TIME));
    }

    @Test
    void aForcedDownHostIsDownWhateverItsHeartbeat() {
        assertFalse(HostLiveness.isUp(true, ago(0), NOW, DOWN_TIME));
    }

    @Test
    void theSqlFormUsesTheSameColumnsAndDownTime() {
        var liveness = new HostLiveness(Duration.ofSeconds(90));
        assertEquals("(NOT h.forced_down AND h.last_heartbeat > now() - interval '90000 milliseconds')",
                liveness.upSql("h"));
        assertEquals("(NOT forced_down AND last_heartbeat > now() - interval '90000 milliseconds')", liveness.upSql(null));
    }

    @Test
    void aDownTimeThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HostLiveness(Duration.ZERO));
    }
}
