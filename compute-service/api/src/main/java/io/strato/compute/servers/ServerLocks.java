package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Nova's os-lock-server: a locked server refuses actions (delete, power, resize, rebuild) to everyone but
 * admins with 409; the owner unlocks what the owner locked, an admin's lock needs unlock_override.
 */
@ApplicationScoped
public class ServerLocks {
    static final String OWNER = "owner";
    static final String ADMIN = "admin";

    private final ServerQueries queries;
    private final Policy policy;
    private final InstanceActions actions;

    ServerLocks(ServerQueries queries, Policy policy, InstanceActions actions) {
        this.queries = queries;
        this.policy = policy;
        this.actions = actions;
    }

    public Uni<Void> lock(Caller caller, UUID id, String requestId) {
        return lock(caller, id, requestId, null);
    }

    /** Locks the server, with the reason of a 2.73 lock (or null). */
    public Uni<Void> lock(Caller caller, UUID id, String requestId, String reason) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.LOCK, caller, ServerPolicies.target(s));
            s.locked = true;
            s.lockedBy = s.projectId.equals(caller.projectId()) ? OWNER : ADMIN;
            s.lockedReason = reason;
            s.updatedAt = InstanceActions.now();
            return actions.start(s, "lock", requestId, caller.userId()).replaceWithVoid();
        }));
    }

    public Uni<Void> unlock(Caller caller, UUID id, String requestId) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.UNLOCK, caller, ServerPolicies.target(s));
            String by = s.projectId.equals(caller.projectId()) ? OWNER : ADMIN;
            if (s.locked && s.lockedBy != null && !s.lockedBy.equals(by)) {
                policy.enforce(ServerPolicies.UNLOCK_OVERRIDE, caller, ServerPolicies.target(s));
            }
            s.locked = false;
            s.lockedBy = null;
            s.lockedReason = null;
            s.updatedAt = InstanceActions.now();
            return actions.start(s, "unlock", requestId, caller.userId()).replaceWithVoid();
        }));
    }

    /** Nova's check_instance_lock: 409 for a locked server unless the caller is an admin. */
    void check(Server s, Caller caller) {
        if (s.locked && !NovaBaseRules.isAdmin(policy, caller)) {
            throw new Conflict("Instance " + s.id + " is locked");
        }
    }
}
