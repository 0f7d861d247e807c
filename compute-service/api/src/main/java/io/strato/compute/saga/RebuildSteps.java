package io.strato.compute.saga;

import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.RemoteFailure;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerEvents;
import io.strato.compute.servers.VmStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The agent's answers during a rebuild (servers/ServerRebuilds): the old guest deleted → spawn the new image on
 * the same host; spawned → ACTIVE, or stopped again when the server was stopped (vm_state stays as it was
 * during the rebuild). Any failure leaves the server in ERROR with a fault: its guest may be gone.
 */
@ApplicationScoped
public class RebuildSteps {
    static final String SPAWN_EVENT = "compute_rebuild_spawn";

    private final BuildSteps build;
    private final AgentCommands commands;
    private final ServerEvents events;
    private final SagaConfig config;

    RebuildSteps(BuildSteps build, AgentCommands commands, ServerEvents events, SagaConfig config) {
        this.build = build;
        this.config = config;
        this.commands = commands;
        this.events = events;
    }

    Uni<Void> oldGuestDeleted(Server s, Reports.CommandResult r) {
        if (!r.success()) {
            return failed(s, r.powerState(), r.message());
        }
        return build.respawn(s, VmStates.REBUILD_SPAWNING, SPAWN_EVENT)
                .onFailure(e -> e instanceof RemoteFailure || e instanceof IllegalStateException)
                .recoverWithUni(e -> failed(s, Reports.SHUTDOWN, e.getMessage()));
    }

    Uni<Void> spawned(Server s, Reports.CommandResult r) {
        if (!r.success()) {
            return failed(s, r.powerState(), r.message());
        }
        s.powerState = r.powerState();
        s.launchedAt = InstanceActions.now();
        s.fault = null;
        if (VmStates.STOPPED.equals(s.vmState)) {
            UUID c = UUID.randomUUID(); // Nova stops a rebuilt server that was stopped
            s.taskState = VmStates.POWERING_OFF;
            s.commandId = c;
            s.deadline = InstanceActions.now().plus(config.actionTimeout());
            return commands.send(s.host, s.id, Commands.STOP, new Commands.Stop(c, s.id));
        }
        s.taskState = null;
        s.vmState = VmStates.ACTIVE;
        return events.publish(s, ServerEvents.REBUILT);
    }

    static boolean handles(String task) {
        return VmStates.REBUILDING.equals(task) || VmStates.REBUILD_SPAWNING.equals(task);
    }

    /** The rebuild did not finish (the guest may be gone): ERROR with Nova's kind of fault. */
    static Uni<Void> failed(Server s, int powerState, String why) {
        s.taskState = null;
        s.commandId = null;
        s.deadline = null;
        s.vmState = VmStates.ERROR;
        s.powerState = powerState;
        s.fault = Faults.of(500, "Rebuild of instance " + s.id + " failed on host " + s.host + ".", why);
        s.updatedAt = InstanceActions.now();
        return Uni.createFrom().voidItem();
    }
}
