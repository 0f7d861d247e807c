package io.strato.compute.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.scheduler.Claims;
import io.strato.compute.servers.ConsoleOutputs;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerEvents;
import io.strato.compute.servers.ServerRepository;
import io.strato.compute.servers.VmStates;
import io.strato.compute.volumes.VolumeResults;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * An agent's answer to a command. It finishes the instance-action event of that command, and when the
 * server still waits for exactly that command (its {@code command_id}), moves the server on: a spawn to
 * ACTIVE or a reschedule, a stop to SHUTOFF, a resize to VERIFY_RESIZE, a delete to the final teardown...
 * Answers to commands the server no longer waits for (a spawn overtaken by a delete, a duplicate) change nothing else.
 */
@Singleton
public class CommandResultHandler extends ReportHandler<Reports.CommandResult> {
    private static final Logger LOG = Logger.getLogger(CommandResultHandler.class);

    private final ServerRepository servers;
    private final InstanceActions actions;
    private final BuildFailures failures;
    private final ServerEvents events;
    private final Claims claims;
    private final SagaWorker worker;
    private final ConsoleOutputs outputs;
    private final VolumeResults volumes;
    private final RebuildSteps rebuilds;

    CommandResultHandler(ObjectMapper mapper, ServerRepository servers, InstanceActions actions, BuildFailures failures,
                         ServerEvents events, Claims claims, SagaWorker worker, ConsoleOutputs outputs,
                         VolumeResults volumes, RebuildSteps rebuilds) {
        super(Reports.COMMAND_RESULT, Reports.CommandResult.class, mapper);
        this.servers = servers;
        this.actions = actions;
        this.failures = failures;
        this.events = events;
        this.claims = claims;
        this.worker = worker;
        this.outputs = outputs;
        this.volumes = volumes;
        this.rebuilds = rebuilds;
    }

    @Override
    Uni<Void> apply(Reports.CommandResult r) {
        if (r.commandId() == null || r.serverId() == null) {
            return Uni.createFrom().voidItem();
        }
        if (Commands.CONSOLE_OUTPUT.equals(r.command())) {
            // a console read is no task of the server; a failed one answers the waiting API call
            return r.success() ? Uni.createFrom().voidItem()
                    : outputs.store(r.serverId(), r.commandId(), null, r.message() == null ? "failed" : r.message());
        }
        if (VolumeResults.handles(r.command())) {
            return volumes.apply(r); // an attach or detach is no task of the server; its row waits for the result
        }
        // the server row first, then its action rows: every writer takes them in this order (no deadlock)
        return servers.lock(r.serverId())
                .call(() -> actions.finish(r.commandId(), r.success(), r.message()))
                .chain(s -> {
                    if (s == null || !r.commandId().equals(s.commandId)) {
                        LOG.debugf("ignoring %s result %s for server %s: not awaited", r.command(), r.commandId(), r.serverId());
                        return Uni.createFrom().voidItem();
                    }
                    s.commandId = null;
                    s.deadline = null;
                    s.updatedAt = InstanceActions.now();
                    return transition(s, r).invoke(worker::wake);
                });
    }

    private Uni<Void> transition(Server s, Reports.CommandResult r) {
        String task = s.taskState == null ? "" : s.taskState;
        return switch (task) {
            case VmStates.SPAWNING -> r.success() ? launched(s, r) : failures.reschedule(s, r.message());
            case VmStates.POWERING_OFF -> done(s, r, VmStates.STOPPED, ServerEvents.STOPPED);
            case VmStates.POWERING_ON -> done(s, r, VmStates.ACTIVE, ServerEvents.STARTED);
            case VmStates.REBOOTING, VmStates.REBOOTING_HARD -> done(s, r, VmStates.ACTIVE, ServerEvents.REBOOTED);
            case VmStates.PAUSING -> done(s, r, VmStates.PAUSED, ServerEvents.PAUSED);
            case VmStates.UNPAUSING -> done(s, r, VmStates.ACTIVE, ServerEvents.UNPAUSED);
            case VmStates.SUSPENDING -> done(s, r, VmStates.SUSPENDED, ServerEvents.SUSPENDED);
            case VmStates.RESUMING -> done(s, r, VmStates.ACTIVE, ServerEvents.RESUMED);
            case VmStates.RESIZE_PREP -> resized(s, r);
            case VmStates.RESIZE_REVERTING -> reverted(s, r);
            case VmStates.DELETING -> deleted(s, r);
            case VmStates.REBUILDING -> rebuilds.oldGuestDeleted(s, r);
            case VmStates.REBUILD_SPAWNING -> rebuilds.spawned(s, r);
            case VmStates.IMAGE_SNAPSHOT_PENDING, VmStates.IMAGE_BACKUP -> snapshotted(s, r);
            default -> {
                LOG.warnf("server %s: %s result while in task %s", s.id, r.command(), s.taskState);
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> launched(Server s, Reports.CommandResult r) {
        s.vmState = VmStates.ACTIVE;
        s.taskState = null;
        s.powerState = r.powerState();
        s.launchedAt = InstanceActions.now();
        s.fault = null;
        return events.publish(s, ServerEvents.LAUNCHED);
    }

    /** A power action: success gives the new vm_state; failure leaves the server as it was, task cleared. */
    private Uni<Void> done(Server s, Reports.CommandResult r, String vmState, String verb) {
        s.taskState = null;
        s.powerState = r.powerState();
        if (!r.success()) {
            return Uni.createFrom().voidItem();
        }
        s.vmState = vmState;
        return events.publish(s, verb);
    }

    private Uni<Void> resized(Server s, Reports.CommandResult r) {
        s.taskState = null;
        s.powerState = r.powerState();
        if (!r.success()) {
            Commands.Flavor old = s.flavor;
            s.oldFlavor = null;
            s.newFlavor = null;
            return claims.keepOnly(s.id, s.host, old);
        }
        s.vmState = VmStates.RESIZED;
        s.flavor = s.newFlavor;
        s.flavorId = s.newFlavor.id();
        return events.publish(s, ServerEvents.RESIZED);
    }

    private Uni<Void> reverted(Server s, Reports.CommandResult r) {
        s.taskState = null;
        s.powerState = r.powerState();
        if (!r.success()) {
            s.vmState = VmStates.ERROR;
            s.fault = Faults.of(500, "Revert resize of instance " + s.id + " failed.", r.message());
            return Uni.createFrom().voidItem();
        }
        s.flavor = s.oldFlavor;
        s.flavorId = s.oldFlavor.id();
        s.oldFlavor = null;
        s.newFlavor = null;
        s.vmState = runningOrStopped(r.powerState());
        return events.publish(s, ServerEvents.RESIZE_REVERTED);
    }

    /** The domain is gone: the worker finishes the delete. A failed delete leaves the server in ERROR, deletable again. */
    private Uni<Void> deleted(Server s, Reports.CommandResult r) {
        if (r.success()) {
            return Uni.createFrom().voidItem();
        }
        s.taskState = null;
        s.vmState = VmStates.ERROR;
        s.powerState = r.powerState();
        s.fault = Faults.of(500, "Delete of instance " + s.id + " failed on host " + s.host + ".", r.message());
        return Uni.createFrom().voidItem();
    }

    /**
     * The host copied and uploaded the disk (the image is active), or failed and deleted the image: either way the
     * server keeps its vm_state and its task ends, as Nova's snapshot_instance reverts the task state. A failure is
     * kept as the instance fault (shown only if the server is in ERROR, as in Nova) and in the action's event.
     */
    private Uni<Void> snapshotted(Server s, Reports.CommandResult r) {
        s.taskState = null;
        s.snapshotImageId = null;
        if (r.powerState() != Reports.NOSTATE) {
            s.powerState = r.powerState();
        }
        if (!r.success()) {
            s.fault = Faults.of(500, r.message() == null ? "Snapshot of instance " + s.id + " failed." : r.message(), null);
        }
        return Uni.createFrom().voidItem();
    }

    static String runningOrStopped(int powerState) {
        return powerState == Reports.RUNNING ? VmStates.ACTIVE : VmStates.STOPPED;
    }
}
