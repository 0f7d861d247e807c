package io.strato.host.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingTest {

    @Test
    void holdsOnceTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();
        assertTrue(Polling.until(() -> checks.incrementAndGet() >= 3, Duration.ofSeconds(10), Duration.ofMillis(1)));
        assertTrue(checks.get() == 3, "checked until it held, then stopped: " + checks.get());
    }

    @Test
    void givesUpAtTheDeadline() {
        assertFalse(Polling.until(() -> false, Duration.ofMillis(30), Duration.ofMillis(5)));
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptAndAnswersTheConditionNow() {
        Thread.currentThread().interrupt();
        try {
            assertFalse(Polling.until(() -> false, Duration.ofSeconds(10), Duration.ofSeconds(1)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
