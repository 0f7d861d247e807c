package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.hosts.Hosts;
import io.strato.compute.protocol.Commands;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Server update (name, description, access addresses) and delete. A delete marks the server and tells its
 * host; the saga worker gives back ports, claim and row when the agent answers.
 */
@ApplicationScoped
public class ServerUpdates {
    private final ServerQueries queries;
    private final Policy policy;
    private final ServerEvents events;
    private final InstanceActions actions;
    private final Hosts hosts;
    private final AgentCommands commands;
    private final SagaConfig config;
    private final PendingWork worker;
    private final ServerLocks locks;

    ServerUpdates(ServerQueries queries, Policy policy, ServerEvents events, InstanceActions actions, Hosts hosts,
                  AgentCommands commands, SagaConfig config, PendingWork worker, ServerLocks locks) {
        this.queries = queries;
        this.policy = policy;
        this.events = events;
        this.actions = actions;
        this.hosts = hosts;
        this.commands = commands;
        this.config = config;
        this.worker = worker;
        this.locks = locks;
    }

    public Uni<ServerQueries.Page> update(Caller caller, UUID id, UpdateRequest req, boolean admin) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.UPDATE, caller, ServerPolicies.target(s));
            req.applyTo(s);
            s.updatedAt = InstanceActions.now();
            return events.publish(s, ServerEvents.UPDATED).chain(() -> queries.page(admin, s));
        }));
    }

    /**
     * Marks the server deleting and, when a domain may exist, sends its host a Delete. The worker finishes
     * (ports, claim, row) when the agent answers, at once when no agent has to or the host is down.
     */
    public Uni<Void> delete(Caller caller, UUID id, String requestId) {
        return delete(caller, id, requestId, ServerPolicies.DELETE);
    }

    /**
     * A delete under another policy rule: the forceDelete action (Nova's force_delete, a delete in any
     * vm_state and task_state, recorded as the action {@code delete}).
     */
    public Uni<Void> delete(Caller caller, UUID id, String requestId, String rule) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(rule, caller, ServerPolicies.target(s));
            locks.check(s, caller);
            if (VmStates.DELETING.equals(s.taskState)) {
                return Uni.createFrom().voidItem();
            }
            boolean mayHaveDomain = s.host != null && !(s.isBuilding() && !VmStates.SPAWNING.equals(s.taskState));
            s.taskState = VmStates.DELETING;
            s.commandId = null;
            s.retryAt = null;
            s.deadline = InstanceActions.now().plus(config.actionTimeout());
            s.updatedAt = InstanceActions.now();
            Uni<InstanceAction> action = actions.start(s, "delete", requestId, caller.userId());
            if (!mayHaveDomain) {
                return action.replaceWithVoid();
            }
            UUID commandId = UUID.randomUUID();
            // the Delete is sent even to a host that is down: its agent reads it when it comes back
            return action.chain(a -> hosts.isUp(s.host).chain(up -> {
                if (!up) {
                    return Uni.createFrom().voidItem(); // nobody will answer: the worker deletes at once
                }
                s.commandId = commandId;
                return actions.event(a.id, commandId, "compute_terminate_instance", s.host);
            })).chain(() -> commands.send(s.host, s.id, Commands.DELETE, new Commands.Delete(commandId, s.id)));
        })).invoke(worker::wake);
    }
}
