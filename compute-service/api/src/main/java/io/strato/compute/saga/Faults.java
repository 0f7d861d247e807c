package io.strato.compute.saga;

import io.strato.compute.servers.Server;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The instance faults the saga records (Nova's messages where Nova has one). */
public final class Faults {
    private Faults() {
    }

    public static Server.Fault of(int code, String message, String details) {
        return new Server.Fault(code, message, details, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The scheduler found no host, or every host tried failed the spawn. */
    public static Server.Fault noValidHost(String message, String details) {
        String m = message != null && message.startsWith("No valid host was found.") ? message
                : "No valid host was found. " + (message == null ? "" : message);
        return of(500, m.trim(), details);
    }

    public static Server.Fault maxAttempts(UUID serverId, int attempts, String lastError) {
        return noValidHost("No valid host was found. Exceeded max scheduling attempts " + attempts
                + " for instance " + serverId + ". Last exception: " + (lastError == null ? "spawn failed" : lastError),
                lastError);
    }

    public static Server.Fault networkFailed(UUID serverId, String reason) {
        return of(500, "Build of instance " + serverId + " aborted: Failed to allocate the network(s), not rescheduling.",
                reason);
    }

    /** Nova's PortBindingFailed: network-service bound the port to a host where nothing can wire it. */
    public static String portBindingFailed(UUID portId) {
        return "Binding failed for port " + portId + ", please check neutron logs for more information.";
    }

    public static Server.Fault buildTimedOut(UUID serverId, long seconds) {
        return of(500, "Build of instance " + serverId + " timed out after " + seconds
                + " seconds; set to error state.", null);
    }
}
