package io.strato.compute.saga;

import io.smallrye.mutiny.Uni;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.scheduler.Claims;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerEvents;
import io.strato.compute.servers.VmStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What happens when a build fails: a failed spawn or a failed port binding gives its host back and goes
 * round again on another host, until the attempts are used up; a final failure is ERROR with a fault, the claim
 * released, the host cleared (so the quota counts the server no more) and the ports left for the worker's cleanup.
 * Runs in the caller's transaction with the server row locked.
 */
@ApplicationScoped
public class BuildFailures {
    private static final Logger LOG = Logger.getLogger(BuildFailures.class);

    private final Claims claims;
    private final AgentCommands commands;
    private final InstanceActions actions;
    private final ServerEvents events;
    private final SagaConfig config;

    BuildFailures(Claims claims, AgentCommands commands, InstanceActions actions, ServerEvents events, SagaConfig config) {
        this.claims = claims;
        this.commands = commands;
        this.actions = actions;
        this.events = events;
        this.config = config;
    }

    /**
     * The build cannot go on on its host (the agent could not spawn it, or network-service could not bind its
     * ports there): give the host back and reschedule elsewhere, or fail the build when no attempt is left.
     * The ports stay; the next networking step rebinds them to the new host.
     */
    public Uni<Void> reschedule(Server s, String reason) {
        String host = s.host;
        LOG.infof("server %s: build on %s failed (attempt %d of %d): %s", s.id, host, s.attempts,
                config.scheduler().maxAttempts(), reason);
        if (host != null && !s.triedHosts.contains(host)) {
            s.triedHosts.add(host);
        }
        // a domain exists only when the spawn was sent; a failed binding left nothing on the host
        Uni<Void> cleared = host != null && VmStates.SPAWNING.equals(s.taskState) ? removeDomain(s, host)
                : Uni.createFrom().voidItem();
        Uni<Void> leaveHost = host == null ? cleared : cleared.chain(() -> claims.release(s.id));
        return leaveHost.chain(() -> {
            s.host = null;
            s.availabilityZone = null;
            s.commandId = null;
            if (s.attempts >= config.scheduler().maxAttempts()) {
                return fail(s, Faults.maxAttempts(s.id, s.attempts, reason));
            }
            s.taskState = VmStates.SCHEDULING;
            s.updatedAt = InstanceActions.now();
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Ends a build in ERROR: releases the claim, tells the host to remove whatever the spawn left,
     * records the fault and marks the ports for cleanup.
     */
    public Uni<Void> fail(Server s, Server.Fault fault) {
        LOG.infof("server %s: build failed: %s", s.id, fault.message());
        boolean spawnSent = s.host != null && VmStates.SPAWNING.equals(s.taskState);
        Uni<Void> domain = spawnSent ? removeDomain(s, s.host) : Uni.createFrom().voidItem();
        UUID waitedFor = s.commandId;
        return domain.chain(() -> claims.release(s.id))
                .chain(() -> actions.finish(waitedFor, false, fault.message()))
                .chain(() -> {
                    s.vmState = VmStates.ERROR;
                    s.taskState = null;
                    s.powerState = Reports.NOSTATE;
                    s.commandId = null;
                    s.deadline = null;
                    s.retryAt = null;
                    s.host = null;
                    s.fault = fault;
                    s.pendingCleanup = true;
                    s.updatedAt = InstanceActions.now();
                    return events.publish(s, ServerEvents.FAILED);
                });
    }

    /** Asks the host to delete what a failed or abandoned spawn left behind (idempotent on the agent). */
    private Uni<Void> removeDomain(Server s, String host) {
        return commands.send(host, s.id, Commands.DELETE, new Commands.Delete(UUID.randomUUID(), s.id));
    }
}
