package io.strato.compute.usage;

import java.time.Duration;
import java.time.Instant;

/**
 * One server as usage reports count it: launched at {@code launchedAt}, terminated at {@code terminatedAt} (the
 * time its row became deleted; null while it exists), with its flavor's size.
 */
record ServerUsage(String id, String name, String projectId, String flavor, int vcpus, int memoryMb, int localGb,
                   String vmState, Instant launchedAt, Instant terminatedAt) {

    /** Nova's {@code _hours_for}: the hours of the period the server ran (launched, not yet terminated). */
    double hours(Instant start, Instant stop) {
        if (terminatedAt != null && terminatedAt.isBefore(start) || launchedAt.isAfter(stop)) {
            return 0;
        }
        Instant from = launchedAt.isAfter(start) ? launchedAt : start;
        Instant to = terminatedAt != null && terminatedAt.isBefore(stop) ? terminatedAt : stop;
        return Duration.between(from, to).toNanos() / 3_600_000_000_000.0;
    }

    /** {@code terminated} once deleted, else the vm_state. */
    String state() {
        return terminatedAt != null ? "terminated" : vmState;
    }

    /** Seconds from launch to termination, or to {@code now}. */
    long uptime(Instant now) {
        return Duration.between(launchedAt, terminatedAt != null ? terminatedAt : now).toSeconds();
    }
}
