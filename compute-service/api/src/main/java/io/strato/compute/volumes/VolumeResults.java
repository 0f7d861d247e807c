package io.strato.compute.volumes;

import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.RemoteFailure;
import io.strato.compute.clients.Volumes;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The agent's answers to attach_volume and detach_volume, and what follows at volume-service: an attached
 * disk completes the attachment (the volume is {@code in-use}), a failed attach or a done detach deletes it
 * (the volume is {@code available}) and the row; a failed detach leaves the volume attached. When
 * volume-service cannot be told, the row keeps the agent's answer and the {@link AttachmentWatchdog} tries
 * again after {@code worker.retry-delay}; nothing is retried by failing the report.
 */
@ApplicationScoped
public class VolumeResults {
    private static final Logger LOG = Logger.getLogger(VolumeResults.class);

    private final ServerRepository servers;
    private final VolumeAttachmentRepository rows;
    private final Volumes volumes;
    private final InstanceActions actions;
    private final AgentCommands commands;
    private final SagaConfig config;

    VolumeResults(ServerRepository servers, VolumeAttachmentRepository rows, Volumes volumes, InstanceActions actions,
                  AgentCommands commands, SagaConfig config) {
        this.servers = servers;
        this.rows = rows;
        this.volumes = volumes;
        this.actions = actions;
        this.commands = commands;
        this.config = config;
    }

    public static boolean handles(String command) {
        return Commands.ATTACH_VOLUME.equals(command) || Commands.DETACH_VOLUME.equals(command);
    }

    /** One result, in the report's transaction; the server row, then the attachment, then the action rows. */
    public Uni<Void> apply(Reports.CommandResult r) {
        return servers.lock(r.serverId()).chain(() -> rows.lockByCommand(r.commandId()))
                .call(() -> actions.finish(r.commandId(), r.success(), r.message()))
                .chain(a -> {
                    if (a == null) {
                        LOG.debugf("ignoring %s result %s for server %s: not awaited", r.command(), r.commandId(),
                                r.serverId());
                        return Uni.createFrom().voidItem();
                    }
                    a.commandId = null;
                    a.agentResult = r.success() ? VolumeAttachment.SUCCESS : VolumeAttachment.FAILURE;
                    return settle(a);
                });
    }

    /** Tells volume-service what the agent did (its answer is in {@code agentResult}) and moves the row on. */
    Uni<Void> settle(VolumeAttachment a) {
        boolean ok = VolumeAttachment.SUCCESS.equals(a.agentResult);
        boolean attaching = VolumeAttachment.ATTACHING.equals(a.status);
        Uni<Void> step;
        if (attaching && ok) {
            step = volumes.complete(a.projectId, a.attachmentId).invoke(() -> rest(a, VolumeAttachment.ATTACHED));
        } else if (attaching || (VolumeAttachment.DETACHING.equals(a.status) && ok)) {
            step = volumes.delete(a.projectId, a.attachmentId).chain(() -> rows.remove(a));
        } else {
            rest(a, VolumeAttachment.ATTACHED); // a detach that failed: the volume stays attached
            step = Uni.createFrom().voidItem();
        }
        return step.onFailure(RemoteFailure.class).recoverWithUni(e -> {
            RemoteFailure f = (RemoteFailure) e;
            if (attaching && ok && !f.isTransient()) {
                return undoAttach(a, f);
            }
            return retryLater(a, f);
        });
    }

    /** volume-service could not be told now: the row waits until the retry delay passes, then the watchdog tries again. */
    Uni<Void> retryLater(VolumeAttachment a, Throwable cause) {
        LOG.warnf("volume %s of server %s: volume-service could not be told (%s); retrying", a.volumeId, a.serverId,
                cause.getMessage());
        a.deadline = InstanceActions.now().plus(config.worker().retryDelay());
        a.updatedAt = InstanceActions.now();
        return Uni.createFrom().voidItem();
    }

    /**
     * The disk is on the guest but volume-service refused the completion (its attachment is gone, e.g. its sweep
     * removed a reservation that waited too long): the agent takes the disk off again and the row goes.
     */
    Uni<Void> undoAttach(VolumeAttachment a, RemoteFailure cause) {
        LOG.warnf("volume %s of server %s: volume-service refused to complete the attachment (%s); detaching",
                a.volumeId, a.serverId, cause.getMessage());
        return unplug(a).chain(() -> rows.remove(a));
    }

    /** Sends the agent a detach of the row's disk (one that is not there is fine for the agent). */
    Uni<Void> unplug(VolumeAttachment a) {
        return servers.findById(a.serverId).chain(s -> unplug(s, a));
    }

    private Uni<Void> unplug(Server s, VolumeAttachment a) {
        if (s == null || s.host == null) {
            return Uni.createFrom().voidItem();
        }
        return commands.send(s.host, s.id, Commands.DETACH_VOLUME,
                new Commands.DetachVolume(UUID.randomUUID(), s.id, a.volumeId, a.device));
    }

    /** The row at rest in {@code status}: no command awaited, no deadline, no answer pending. */
    static void rest(VolumeAttachment a, String status) {
        a.status = status;
        a.commandId = null;
        a.deadline = null;
        a.agentResult = null;
        a.updatedAt = InstanceActions.now();
    }
}
