package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.flavors.Flavors;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.hosts.Hosts;
import io.strato.compute.protocol.Commands;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.compute.scheduler.Claims;
import io.strato.compute.scheduler.NoValidHost;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.Unavailable;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Server actions ({@code POST /servers/{id}/action}). Each checks the server's state as Nova's compute API
 * does (409 "Cannot 'stop' instance ... while it is in vm_state stopped"), sets the task, records the
 * instance action and sends the agent its command, all in one transaction; the agent's result finishes
 * the task (saga/CommandResultHandler).
 */
@ApplicationScoped
public class ServerActions {
    private static final List<String> HARD_REBOOTABLE = List.of(VmStates.ACTIVE, VmStates.STOPPED, VmStates.PAUSED,
            VmStates.SUSPENDED, VmStates.ERROR);
    private static final List<String> HARD_REBOOT_TASKS = java.util.Arrays.asList(null, VmStates.REBOOTING,
            "reboot_pending", "reboot_started", VmStates.REBOOTING_HARD, "reboot_pending_hard", "reboot_started_hard");

    private final ServerQueries queries;
    private final Flavors flavors;
    private final ComputeQuota quota;
    private final Claims claims;
    private final AgentCommands commands;
    private final InstanceActions actions;
    private final ServerEvents events;
    private final Hosts hosts;
    private final SagaConfig config;
    private final Policy policy;
    private final ConsoleOutputs consoles;
    private final ServerLocks locks;

    ServerActions(ServerQueries queries, Flavors flavors, ComputeQuota quota, Claims claims, AgentCommands commands,
                  InstanceActions actions, ServerEvents events, Hosts hosts, SagaConfig config, Policy policy,
                  ConsoleOutputs consoles, ServerLocks locks) {
        this.queries = queries;
        this.flavors = flavors;
        this.quota = quota;
        this.claims = claims;
        this.commands = commands;
        this.actions = actions;
        this.events = events;
        this.hosts = hosts;
        this.config = config;
        this.policy = policy;
        this.consoles = consoles;
        this.locks = locks;
    }

    public Uni<Void> stop(Caller caller, UUID id, String requestId) {
        return act(caller, id, ServerPolicies.STOP, s -> {
            expect(s, "stop", List.of(VmStates.ACTIVE, VmStates.ERROR));
            UUID c = UUID.randomUUID();
            return begin(s, caller, requestId, "stop", "compute_stop_instance", VmStates.POWERING_OFF, c,
                    Commands.STOP, new Commands.Stop(c, s.id));
        });
    }

    public Uni<Void> start(Caller caller, UUID id, String requestId) {
        return act(caller, id, ServerPolicies.START, s -> {
            expect(s, "start", List.of(VmStates.STOPPED));
            UUID c = UUID.randomUUID();
            return begin(s, caller, requestId, "start", "compute_start_instance", VmStates.POWERING_ON, c,
                    Commands.START, new Commands.Start(c, s.id));
        });
    }

    public Uni<Void> reboot(Caller caller, UUID id, String requestId, boolean hard) {
        return act(caller, id, ServerPolicies.REBOOT, s -> {
            if (hard) {
                vmState(s, "reboot", HARD_REBOOTABLE);
                if (!HARD_REBOOT_TASKS.contains(s.taskState)) {
                    throw invalidState("reboot", s, "task_state", s.taskState);
                }
                hostAssigned(s);
            } else {
                expect(s, "reboot", List.of(VmStates.ACTIVE));
            }
            UUID c = UUID.randomUUID();
            return begin(s, caller, requestId, "reboot", "compute_reboot_instance",
                    hard ? VmStates.REBOOTING_HARD : VmStates.REBOOTING, c, Commands.REBOOT, new Commands.Reboot(c, s.id, hard));
        });
    }

    /** Nova's pause: an active server's vCPUs stop (PAUSED); its memory stays on the host. */
    public Uni<Void> pause(Caller caller, UUID id, String requestId) {
        return simple(caller, id, requestId, ServerPolicies.PAUSE, "pause", VmStates.ACTIVE, VmStates.PAUSING,
                Commands.PAUSE, c -> new Commands.Pause(c, id));
    }

    public Uni<Void> unpause(Caller caller, UUID id, String requestId) {
        return simple(caller, id, requestId, ServerPolicies.UNPAUSE, "unpause", VmStates.PAUSED, VmStates.UNPAUSING,
                Commands.UNPAUSE, c -> new Commands.Unpause(c, id));
    }

    /** Nova's suspend: an active server's memory is saved to the host's disk and its domain stops (SUSPENDED). */
    public Uni<Void> suspend(Caller caller, UUID id, String requestId) {
        return simple(caller, id, requestId, ServerPolicies.SUSPEND, "suspend", VmStates.ACTIVE, VmStates.SUSPENDING,
                Commands.SUSPEND, c -> new Commands.Suspend(c, id));
    }

    public Uni<Void> resume(Caller caller, UUID id, String requestId) {
        return simple(caller, id, requestId, ServerPolicies.RESUME, "resume", VmStates.SUSPENDED, VmStates.RESUMING,
                Commands.RESUME, c -> new Commands.Resume(c, id));
    }

    /** An action allowed in one vm_state without a task, whose event is Nova's {@code compute_<action>_instance}. */
    private Uni<Void> simple(Caller caller, UUID id, String requestId, String rule, String action, String vmState,
                             String task, String command, java.util.function.Function<UUID, Object> payload) {
        return act(caller, id, rule, s -> {
            expect(s, action, List.of(vmState));
            UUID c = UUID.randomUUID();
            return begin(s, caller, requestId, action, "compute_" + action + "_instance", task, c, command,
                    payload.apply(c));
        });
    }

    /**
     * Resizes on the server's own host: claims the new flavor there (400 "No valid host" when it does not fit)
     * and the extra quota, then asks the agent; the server waits in VERIFY_RESIZE for confirm or revert.
     */
    public Uni<Void> resize(Caller caller, UUID id, String requestId, String flavorRef) {
        return act(caller, id, ServerPolicies.RESIZE, s -> {
            expect(s, "resize", List.of(VmStates.ACTIVE, VmStates.STOPPED));
            return hosts.isUp(s.host).chain(up -> {
                if (!up) {
                    throw new Conflict("Service is unavailable at this time.");
                }
                return flavors.resolve(flavorRef, caller);
            }).chain(target -> {
                Commands.Flavor old = s.flavor;
                if (target.id().equals(old.id())) {
                    throw new InvalidInput("When resizing, instances must change flavor!");
                }
                if (target.rootGb() < old.rootGb()) {
                    throw new InvalidInput("Resize error: Unable to resize disk down.");
                }
                return quota.claimResize(s.projectId, Math.max(0, target.vcpus() - old.vcpus()),
                                Math.max(0, target.memoryMb() - old.memoryMb()))
                        .chain(() -> claims.claimResize(s.id, s.host, target))
                        .onFailure(NoValidHost.class).transform(e -> new InvalidInput(e.getMessage()))
                        .chain(() -> {
                            s.oldFlavor = old;
                            s.newFlavor = target;
                            UUID c = UUID.randomUUID();
                            return begin(s, caller, requestId, "resize", "compute_resize_instance", VmStates.RESIZE_PREP,
                                    c, Commands.RESIZE, new Commands.Resize(c, s.id, old, target));
                        });
            });
        });
    }

    /** Keeps the new flavor: the claim becomes the new flavor alone; the agent drops what it kept for a revert. */
    public Uni<Void> confirmResize(Caller caller, UUID id, String requestId) {
        return act(caller, id, ServerPolicies.CONFIRM_RESIZE, s -> {
            expect(s, "confirmResize", List.of(VmStates.RESIZED));
            Commands.Flavor kept = s.flavor;
            UUID c = UUID.randomUUID();
            return claims.keepOnly(s.id, s.host, kept).chain(() -> {
                s.oldFlavor = null;
                s.newFlavor = null;
                s.vmState = s.powerState == io.strato.compute.protocol.Reports.RUNNING ? VmStates.ACTIVE : VmStates.STOPPED;
                s.updatedAt = InstanceActions.now();
                return actions.start(s, "confirmResize", requestId, caller.userId())
                        .chain(a -> actions.event(a.id, c, "compute_confirm_resize", s.host))
                        .chain(() -> commands.send(s.host, s.id, Commands.CONFIRM_RESIZE, new Commands.ConfirmResize(c, s.id)))
                        .chain(() -> events.publish(s, ServerEvents.RESIZE_CONFIRMED));
            });
        });
    }

    /** Goes back to the old flavor: the claim becomes the old flavor again and the agent shrinks the domain. */
    public Uni<Void> revertResize(Caller caller, UUID id, String requestId) {
        return act(caller, id, ServerPolicies.REVERT_RESIZE, s -> {
            expect(s, "revertResize", List.of(VmStates.RESIZED));
            Commands.Flavor old = s.oldFlavor != null ? s.oldFlavor : s.flavor;
            UUID c = UUID.randomUUID();
            return claims.keepOnly(s.id, s.host, old).chain(() -> begin(s, caller, requestId, "revertResize",
                    "compute_revert_resize", VmStates.RESIZE_REVERTING, c, Commands.REVERT_RESIZE,
                    new Commands.RevertResize(c, s.id, old)));
        });
    }

    /**
     * Asks the host's agent for the console log and waits (up to strato.compute.console-timeout) for its report.
     * Only a server whose domain runs (or ran) on a host has one.
     */
    public Uni<String> consoleOutput(Caller caller, UUID id, Integer length) {
        UUID c = UUID.randomUUID();
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.CONSOLE_OUTPUT, caller, ServerPolicies.target(s));
            if (s.host == null || s.isBuilding()) {
                throw new Conflict("Instance " + s.id + " is not ready");
            }
            if (VmStates.DELETING.equals(s.taskState)) {
                throw invalidState("get_console_output", s, "task_state", s.taskState);
            }
            return commands.send(s.host, s.id, Commands.CONSOLE_OUTPUT, new Commands.ConsoleOutput(c, s.id, length));
        })).chain(() -> awaitConsole(id, c));
    }

    private Uni<String> awaitConsole(UUID serverId, UUID commandId) {
        Duration every = Duration.ofMillis(200);
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> consoles.find(serverId, commandId)))
                .onItem().ifNull().failWith(NotYet::new)
                .onFailure(NotYet.class).retry().withBackOff(every, every).withJitter(0)
                .expireIn(config.consoleTimeout().toMillis())
                .onFailure(NotYet.class).transform(e -> new Unavailable(
                        "The console output of server " + serverId + " did not arrive in time; try again."))
                .map(answer -> {
                    if (answer.error() != null) {
                        // Nova's ConsoleNotAvailable
                        throw new NotFound("Guest does not have a console available.");
                    }
                    return answer.output();
                });
    }

    private static final class NotYet extends RuntimeException {
        NotYet() {
            super("console output not there yet", null, false, false);
        }
    }

    // ---- shared -----------------------------------------------------------------------------------

    private Uni<Void> act(Caller caller, UUID id, String rule, java.util.function.Function<Server, Uni<Void>> action) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(rule, caller, ServerPolicies.target(s));
            locks.check(s, caller);
            return action.apply(s);
        }));
    }

    /** Sets the task the agent's result will end, records the action and sends the command. */
    private Uni<Void> begin(Server s, Caller caller, String requestId, String action, String event, String task,
                            UUID commandId, String command, Object payload) {
        return begin(s, caller, requestId, action, event, task, commandId, command, payload, config.actionTimeout());
    }

    /** {@link #begin} with a task given up after {@code timeout} (a snapshot's copy and upload take longer). */
    Uni<Void> begin(Server s, Caller caller, String requestId, String action, String event, String task,
                    UUID commandId, String command, Object payload, Duration timeout) {
        s.taskState = task;
        s.commandId = commandId;
        s.deadline = InstanceActions.now().plus(timeout);
        s.updatedAt = InstanceActions.now();
        return actions.start(s, action, requestId, caller.userId())
                .chain(a -> actions.event(a.id, commandId, event, s.host))
                .chain(() -> commands.send(s.host, s.id, command, payload));
    }

    /** Nova's check_instance_state with the default "no task running", plus launched and placed. */
    static void expect(Server s, String action, List<String> vmStates) {
        vmState(s, action, vmStates);
        if (s.taskState != null) {
            throw invalidState(action, s, "task_state", s.taskState);
        }
        if (s.launchedAt == null) {
            throw invalidState(action, s, "launched_at", null);
        }
        hostAssigned(s);
    }

    private static void vmState(Server s, String action, List<String> vmStates) {
        if (!vmStates.contains(s.vmState)) {
            throw invalidState(action, s, "vm_state", s.vmState);
        }
    }

    private static void hostAssigned(Server s) {
        if (s.host == null) {
            throw new Conflict("Instance " + s.id + " is not ready");
        }
    }

    public static Conflict invalidState(String action, Server s, String attr, String state) {
        return new Conflict("Cannot '" + action + "' instance " + s.id + " while it is in " + attr + " "
                + (state == null ? "None" : state));
    }
}
