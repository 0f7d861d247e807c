package io.strato.host.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting on the host for something no event announces (a process gone, a device released): the agents' one
 * poll-until-deadline loop.
 */
public final class Polling {
    private Polling() {
    }

    /**
     * Checks {@code done} every {@code every} until it holds or {@code within} has passed; true when it held. An
     * interrupted wait keeps the thread's interrupt and answers what {@code done} says at that moment.
     */
    public static boolean until(BooleanSupplier done, Duration within, Duration every) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done.getAsBoolean();
            }
        }
        return true;
    }
}
