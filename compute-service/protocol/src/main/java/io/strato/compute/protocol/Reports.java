package io.strato.compute.protocol;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What agents report to compute-service on {@link Topics#REPORTS}. */
public final class Reports {
    private Reports() {
    }

    /** Report names, as in {@link Topics#reportType}. */
    public static final String HOST = "host";
    public static final String COMMAND_RESULT = "command_result";
    public static final String SERVER_STATE = "server_state";
    public static final String CONSOLE_OUTPUT = "console_output";

    /** Nova's power states. */
    public static final int NOSTATE = 0;
    public static final int RUNNING = 1;
    public static final int PAUSED = 3;
    public static final int SHUTDOWN = 4;
    public static final int CRASHED = 6;
    public static final int SUSPENDED = 7;

    /**
     * Inventory and heartbeat, sent at start and every heartbeat interval. {@code serverIds} are the
     * servers whose domains the host has, so compute-service can notice drift both ways.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Host(String host, String availabilityZone, String hypervisorType, long hypervisorVersion,
                       String hypervisorHostname, String hostIp, int vcpus, long memoryMb, long localGb,
                       int runningVms, List<UUID> serverIds, Instant at) {
    }

    /** The outcome of one command; {@code powerState} is the domain's state after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CommandResult(UUID commandId, UUID serverId, String host, String command, boolean success,
                                int powerState, String message, Instant at) {
    }

    /** Drift the reconciliation loop found: a domain stopped, crashed or vanished without a command. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServerState(UUID serverId, String host, int powerState, boolean domainExists, Instant at) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConsoleOutput(UUID commandId, UUID serverId, String host, String output, Instant at) {
    }
}
