package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Nova's os-instance-actions: the actions done to a server, and one action with its events. */
@Path("/v2.1/servers/{id}/os-instance-actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InstanceActionResource {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final ServerService servers;
    private final InstanceActions actions;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public InstanceActionResource(ServerService servers, InstanceActions actions, Policy policy, CurrentCaller callers,
                                  ApiVersion version) {
        this.servers = servers;
        this.actions = actions;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<Map<String, Object>> list(@PathParam("id") String id) {
        Caller caller = callers.get();
        UUID serverId = RequestContext.serverId(id);
        return Panache.withSession(() -> servers.visible(caller, serverId, false).chain(s -> {
            policy.enforce(ServerPolicies.ACTIONS_LIST, caller, ServerPolicies.target(s));
            return actions.list(s.id);
        })).map(list -> Map.of("instanceActions", list.stream().map(InstanceActionResource::action).toList()));
    }

    @GET
    @Path("{requestId}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id, @PathParam("requestId") String requestId) {
        Caller caller = callers.get();
        UUID serverId = RequestContext.serverId(id);
        return Panache.withSession(() -> servers.visible(caller, serverId, false).chain(s -> {
            Map<String, Object> target = ServerPolicies.target(s);
            policy.enforce(ServerPolicies.ACTIONS_SHOW, caller, target);
            return actions.byRequest(s.id, requestId).chain(a -> {
                if (a == null) {
                    throw new NotFound("Action for request_id " + requestId + " on instance " + id + " not found");
                }
                Map<String, Object> view = action(a);
                boolean events = version.atLeast(51) || policy.allowed(ServerPolicies.ACTIONS_EVENTS, caller, target);
                if (!events) {
                    return Uni.createFrom().item(view);
                }
                boolean details = policy.allowed(ServerPolicies.ACTIONS_EVENTS_DETAILS, caller, target);
                return actions.events(a.id).map(list -> {
                    view.put("events", list.stream().map(e -> event(e, details)).toList());
                    return view;
                });
            });
        })).map(view -> Map.of("instanceAction", view));
    }

    private static Map<String, Object> action(InstanceAction a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("action", a.action);
        v.put("instance_uuid", a.serverId.toString());
        v.put("message", a.message);
        v.put("project_id", a.projectId);
        v.put("request_id", a.requestId);
        v.put("start_time", time(a.startTime));
        v.put("user_id", a.userId);
        return v;
    }

    private static Map<String, Object> event(InstanceActionEvent e, boolean details) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("event", e.event);
        v.put("start_time", time(e.startTime));
        v.put("finish_time", time(e.finishTime));
        v.put("result", e.result);
        if (details) {
            v.put("traceback", e.details);
        }
        return v;
    }

    private static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }
}
