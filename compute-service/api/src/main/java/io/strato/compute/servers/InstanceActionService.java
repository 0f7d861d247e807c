package io.strato.compute.servers;

import io.strato.compute.api.Pagination;
import io.strato.compute.api.QueryParams;
import io.strato.kit.faults.InvalidInput;
import java.time.Instant;
import java.util.Set;

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

    /**
     * One action; {@code events} is null when the caller may not see them, {@code details} whether tracebacks are
     * shown, {@code host} whether the events' hosts are (2.62: callers of the events rule), {@code projectId} the one
     * their hostId is made with.
     */
    public record Shown(InstanceAction action, List<InstanceActionEvent> events, boolean details, boolean host,
                        String projectId) {
    }

    /** A 2.58 list query: at most {@code limit} actions after the one of request {@code marker}, by updated_at. */
    public record Query(int limit, boolean limited, String marker, Instant changesSince, Instant changesBefore) {
        static final int MAX_LIMIT = 1000;
        public static final Query ALL = new Query(Integer.MAX_VALUE, false, null, null, null);

        /** Nova's index query schema of 2.58 (2.66: and changes-before); anything else is 400. */
        public static Query parse(Map<String, List<String>> q, boolean before) {
            QueryParams.onlyKnown(q, before ? Set.of("limit", "marker", "changes-since", "changes-before")
                    : Set.of("limit", "marker", "changes-since"));
            Integer limit = Pagination.limit(last(q, "limit"));
            Instant since = QueryParams.time("changes-since", last(q, "changes-since"));
            Instant until = before ? QueryParams.time("changes-before", last(q, "changes-before")) : null;
            if (since != null && until != null && until.isBefore(since)) {
                throw new InvalidInput("The value of changes-since must be less than or equal to changes-before.");
            }
            return new Query(limit == null ? MAX_LIMIT : Math.min(limit, MAX_LIMIT), true, last(q, "marker"), since, until);
        }

        private static String last(Map<String, List<String>> q, String key) {
            List<String> v = q.get(key);
            return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
        }

        /** Whether a page of {@code size} is full, so that Nova links the next one. */
        public boolean full(int size) {
            return limited && limit > 0 && size == limit;
        }

        List<InstanceAction> apply(List<InstanceAction> newestFirst) {
            List<InstanceAction> kept = newestFirst.stream()
                    .filter(a -> changesSince == null || !a.updatedAt.isBefore(changesSince))
                    .filter(a -> changesBefore == null || !a.updatedAt.isAfter(changesBefore))
                    .toList();
            int from = 0;
            if (marker != null) {
                int at = -1;
                for (int i = 0; i < kept.size() && at < 0; i++) {
                    at = marker.equals(kept.get(i).requestId) ? i : -1;
                }
                if (at < 0) {
                    throw new InvalidInput("Marker " + marker + " could not be found.");
                }
                from = at + 1;
            }
            return kept.subList(from, (int) Math.min((long) from + limit, kept.size()));
        }
    }

    /** The actions done to the server, newest first, as {@code q} pages and filters them. */
    @WithSession
    public Uni<List<InstanceAction>> list(Caller caller, UUID serverId, Query q) {
        return owner(caller, serverId).chain(target -> {
            policy.enforce(ServerPolicies.ACTIONS_LIST, caller, target);
            return actions.list(serverId).map(q::apply);
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
                    return Uni.createFrom().item(new Shown(a, null, false, false, null));
                }
                boolean details = policy.allowed(ServerPolicies.ACTIONS_EVENTS_DETAILS, caller, target);
                boolean host = version.atLeast(62) && policy.allowed(ServerPolicies.ACTIONS_EVENTS, caller, target);
                String project = a.projectId != null ? a.projectId : String.valueOf(target.get("project_id"));
                return actions.events(a.id).map(list -> new Shown(a, list, details, host, project));
            });
        });
    }
}
