package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Nova's os-instance-actions, read side: a visible server's actions, and one with the events the caller may see.
 * From 2.21 the actions of a deleted server stay readable (its rows are gone, its actions are not): the project
 * recorded on them decides who may.
 */
@ApplicationScoped
public class InstanceActionService {
    private final ServerQueries servers;
    private final InstanceActions actions;
    private final Policy policy;
    private final ApiVersion version;

    InstanceActionService(ServerQueries servers, InstanceActions actions, Policy policy, ApiVersion version) {
        this.servers = servers;
        this.actions = actions;
        this.policy = policy;
        this.version = version;
    }

    /** One action; {@code events} is null when the caller may not see them, {@code details} whether tracebacks are shown. */
    public record Shown(InstanceAction action, List<InstanceActionEvent> events, boolean details) {
    }

    /** The actions done to the server, newest first. */
    @WithSession
    public Uni<List<InstanceAction>> list(Caller caller, UUID serverId) {
        return owner(caller, serverId).chain(target -> {
            policy.enforce(ServerPolicies.ACTIONS_LIST, caller, target);
            return actions.list(serverId);
        });
    }

    /** The policy target of the server's actions: its own, or (2.21) the project its recorded actions name. */
    private Uni<Map<String, Object>> owner(Caller caller, UUID serverId) {
        Uni<Map<String, Object>> live = servers.visible(caller, serverId, false).map(ServerPolicies::target);
        if (!version.atLeast(21)) {
            return live;
        }
        return live.onFailure(NotFound.class).recoverWithUni(gone -> actions.list(serverId).map(list -> {
            boolean admin = NovaBaseRules.isAdmin(policy, caller);
            InstanceAction any = list.isEmpty() ? null : list.get(0);
            if (any == null || !(admin || any.projectId.equals(caller.projectId()))) {
                throw (NotFound) gone;
            }
            return ServerPolicies.target(any.projectId, any.userId);
        }));
    }

    /** The action of request {@code requestId}; 404 naming {@code id} (as the client wrote it) when there is none. */
    @WithSession
    public Uni<Shown> show(Caller caller, UUID serverId, String id, String requestId) {
        return owner(caller, serverId).chain(target -> {
            policy.enforce(ServerPolicies.ACTIONS_SHOW, caller, target);
            return actions.byRequest(serverId, requestId).chain(a -> {
                if (a == null) {
                    throw new NotFound("Action for request_id " + requestId + " on instance " + id + " not found");
                }
                // from 2.51 everyone who may see the action sees its events (their tracebacks stay the rule's)
                boolean events = version.atLeast(51) || policy.allowed(ServerPolicies.ACTIONS_EVENTS, caller, target);
                if (!events) {
                    return Uni.createFrom().item(new Shown(a, null, false));
                }
                boolean details = policy.allowed(ServerPolicies.ACTIONS_EVENTS_DETAILS, caller, target);
                return actions.events(a.id).map(list -> new Shown(a, list, details));
            });
        });
    }
}
