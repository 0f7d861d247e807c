package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.scheduler.Claims;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The admin-actions and deferred-delete actions that act on the server's record only: os-resetState (an
 * admin sets vm_state active or error and clears the task, as Nova's admin_actions does) and restore. Strato
 * deletes at once (Nova with {@code reclaim_instance_interval = 0}), so no server is ever SOFT_DELETED and
 * restore answers Nova's 409 for every state; forceDelete is a delete ({@link ServerUpdates#delete}).
 */
@ApplicationScoped
public class ServerAdminActions {
    /** The vm_states os-resetState may set (Nova's schema enum). */
    static final List<String> RESET_STATES = List.of(VmStates.ACTIVE, VmStates.ERROR);

    private final ServerQueries queries;
    private final Policy policy;
    private final InstanceActions actions;
    private final ServerLocks locks;
    private final Claims claims;

    ServerAdminActions(ServerQueries queries, Policy policy, InstanceActions actions, ServerLocks locks, Claims claims) {
        this.queries = queries;
        this.policy = policy;
        this.actions = actions;
        this.locks = locks;
        this.claims = claims;
    }

    /**
     * Sets the vm_state and clears the task. A task's agent command is no longer waited for (its late answer
     * changes nothing); a resize that was under way keeps the claim of the flavor the server has.
     */
    public Uni<Void> resetState(Caller caller, UUID id, String requestId, String vmState) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.RESET_STATE, caller, ServerPolicies.target(s.projectId, null));
            UUID event = UUID.randomUUID();
            Uni<Void> undo = VmStates.RESIZE_PREP.equals(s.taskState) && s.host != null && s.flavor != null
                    ? claims.keepOnly(s.id, s.host, s.flavor) : Uni.createFrom().voidItem();
            if (VmStates.RESIZE_PREP.equals(s.taskState)) {
                s.oldFlavor = null;
                s.newFlavor = null;
            }
            s.vmState = vmState;
            s.taskState = null;
            s.commandId = null;
            s.deadline = null;
            s.updatedAt = InstanceActions.now();
            // Nova records the action (it has no event)
            return undo.chain(() -> actions.start(s, "resetState", requestId, caller.userId())).replaceWithVoid();
        }));
    }

    /**
     * Nova's injectNetworkInfo (admin): refused for a locked server, else accepted. Nova's libvirt driver has no
     * network info to inject (its compute manager's call ends in the base driver's no-op), and so has Strato's
     * agent: nothing is sent.
     */
    public Uni<Void> injectNetworkInfo(Caller caller, UUID id) {
        return Panache.withSession(() -> queries.visible(caller, id, false).invoke(s -> {
            policy.enforce(ServerPolicies.INJECT_NETWORK_INFO, caller, ServerPolicies.target(s.projectId, null));
            locks.check(s, caller);
        })).replaceWithVoid();
    }

    /** Nova's restore: only a SOFT_DELETED server can be restored, and Strato never keeps one. */
    public Uni<Void> restore(Caller caller, UUID id) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).invoke(s -> {
            policy.enforce(ServerPolicies.RESTORE, caller, ServerPolicies.target(s.projectId, null));
            locks.check(s, caller);
            throw ServerActions.invalidState("restore", s, "vm_state", s.vmState);
        })).replaceWithVoid();
    }
}
