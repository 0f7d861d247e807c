package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Nova's os-instance-actions, read side: a visible server's actions, and one with the events the caller may see. */
@ApplicationScoped
public class InstanceActionService {
    private final ServerQueries servers;
    private final InstanceActions actions;
    private final Policy policy;

    InstanceActionService(ServerQueries servers, InstanceActions actions, Policy policy) {
        this.servers = servers;
        this.actions = actions;
        this.policy = policy;
    }

    /** One action; {@code events} is null when the caller may not see them, {@code details} whether tracebacks are shown. */
    public record Shown(InstanceAction action, List<InstanceActionEvent> events, boolean details) {
    }

    /** The actions done to the server, newest first. */
    @WithSession
    public Uni<List<InstanceAction>> list(Caller caller, UUID serverId) {
        return servers.visible(caller, serverId, false).chain(s -> {
            policy.enforce(ServerPolicies.ACTIONS_LIST, caller, ServerPolicies.target(s));
            return actions.list(s.id);
        });
    }

    /** The action of request {@code requestId}; 404 naming {@code id} (as the client wrote it) when there is none. */
    @WithSession
    public Uni<Shown> show(Caller caller, UUID serverId, String id, String requestId) {
        return servers.visible(caller, serverId, false).chain(s -> {
            Map<String, Object> target = ServerPolicies.target(s);
            policy.enforce(ServerPolicies.ACTIONS_SHOW, caller, target);
            return actions.byRequest(s.id, requestId).chain(a -> {
                if (a == null) {
                    throw new NotFound("Action for request_id " + requestId + " on instance " + id + " not found");
                }
                boolean events = policy.allowed(ServerPolicies.ACTIONS_EVENTS, caller, target);
                if (!events) {
                    return Uni.createFrom().item(new Shown(a, null, false));
                }
                boolean details = policy.allowed(ServerPolicies.ACTIONS_EVENTS_DETAILS, caller, target);
                return actions.events(a.id).map(list -> new Shown(a, list, details));
            });
        });
    }
}
