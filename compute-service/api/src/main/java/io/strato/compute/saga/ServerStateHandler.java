package io.strato.compute.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerEvents;
import io.strato.compute.servers.ServerRepository;
import io.strato.compute.servers.VmStates;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Drift an agent's reconciliation found, applied as Nova's {@code _sync_instance_power_state} does: the
 * power state is recorded; an ACTIVE server whose domain shut down or crashed becomes SHUTOFF; a STOPPED
 * server whose domain runs is stopped again; a domain that vanished leaves the server's vm_state alone
 * with power state NOSTATE. A server with a task in progress is skipped (the task's result will tell).
 */
@Singleton
public class ServerStateHandler extends ReportHandler<Reports.ServerState> {
    private static final Logger LOG = Logger.getLogger(ServerStateHandler.class);
    private static final String STOP_EVENT = "compute_stop_instance";

    private final ServerRepository servers;
    private final AgentCommands commands;
    private final InstanceActions actions;
    private final ServerEvents events;
    private final SagaConfig config;

    ServerStateHandler(ObjectMapper mapper, ServerRepository servers, AgentCommands commands, InstanceActions actions,
                       ServerEvents events, SagaConfig config) {
        super(Reports.SERVER_STATE, Reports.ServerState.class, mapper);
        this.servers = servers;
        this.commands = commands;
        this.actions = actions;
        this.events = events;
        this.config = config;
    }

    @Override
    Uni<Void> apply(Reports.ServerState r) {
        if (r.serverId() == null || r.host() == null) {
            return Uni.createFrom().voidItem();
        }
        return servers.lock(r.serverId()).chain(s -> {
            if (s == null || !r.host().equals(s.host) || s.taskState != null) {
                return Uni.createFrom().voidItem();
            }
            return sync(s, r.domainExists() ? r.powerState() : Reports.NOSTATE);
        });
    }

    private Uni<Void> sync(Server s, int power) {
        boolean off = power == Reports.SHUTDOWN || power == Reports.CRASHED;
        if ((VmStates.ACTIVE.equals(s.vmState) || VmStates.PAUSED.equals(s.vmState)) && off) {
            LOG.infof("server %s: domain on %s is off (power %d); the server is now SHUTOFF", s.id, s.host, power);
            changed(s, power);
            s.vmState = VmStates.STOPPED;
            return events.publish(s, ServerEvents.STOPPED);
        }
        if (VmStates.STOPPED.equals(s.vmState) && power == Reports.RUNNING) {
            LOG.infof("server %s: domain on %s runs while the server is stopped; stopping it", s.id, s.host);
            changed(s, power);
            return stopAgain(s);
        }
        if (s.powerState == power) {
            return Uni.createFrom().voidItem();
        }
        if (power == Reports.NOSTATE) {
            LOG.warnf("server %s: its domain vanished from %s", s.id, s.host);
        }
        changed(s, power);
        return events.publish(s, ServerEvents.POWER_CHANGED);
    }

    private static void changed(Server s, int power) {
        s.powerState = power;
        s.updatedAt = InstanceActions.now();
    }

    private Uni<Void> stopAgain(Server s) {
        UUID commandId = UUID.randomUUID();
        s.taskState = VmStates.POWERING_OFF;
        s.commandId = commandId;
        s.deadline = InstanceActions.now().plus(config.actionTimeout());
        return actions.start(s, "stop", "req-" + UUID.randomUUID(), s.userId)
                .chain(a -> actions.event(a.id, commandId, STOP_EVENT, s.host))
                .chain(() -> commands.send(s.host, s.id, Commands.STOP, new Commands.Stop(commandId, s.id)));
    }
}
