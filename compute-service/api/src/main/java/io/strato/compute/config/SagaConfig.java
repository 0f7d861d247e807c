package io.strato.compute.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the server saga runs: time limits, reschedules and the worker that drives it. */
@ConfigMapping(prefix = "strato.compute")
public interface SagaConfig {

    /** A server still in BUILD this long after its create goes to ERROR (and gives back what it held). */
    @WithDefault("300s")
    Duration buildTimeout();

    /** An action (stop, start, reboot, resize, delete) whose agent has not answered within this is given up. */
    @WithDefault("120s")
    Duration actionTimeout();

    /**
     * A createImage whose agent has not answered within this (copy and upload of the disk) is given up: the server's
     * task is cleared and the image deleted.
     */
    @WithDefault("1h")
    Duration snapshotTimeout();

    /** How long os-getConsoleOutput waits for the agent's answer. */
    @WithDefault("10s")
    Duration consoleTimeout();

    Scheduler scheduler();

    Worker worker();

    interface Scheduler {
        /** Hosts a server may be tried on before it goes to ERROR "No valid host was found". */
        @WithDefault("3")
        int maxAttempts();
    }

    interface Worker {
        /** Whether this instance drives sagas (several instances may; rows are taken with SKIP LOCKED). */
        @WithDefault("true")
        boolean enabled();

        /** Pause between two polls for work (the worker is also woken right after API commits). */
        @WithDefault("0.2s")
        Duration interval();

        /** Servers worked on at once by this instance. */
        @WithDefault("8")
        int concurrency();

        /** Wait before retrying a step another service failed for a passing reason (unreachable, 5xx). */
        @WithDefault("2s")
        Duration retryDelay();
    }
}
