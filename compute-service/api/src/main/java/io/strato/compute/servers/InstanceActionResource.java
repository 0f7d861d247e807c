package io.strato.compute.servers;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's os-instance-actions: the actions done to a server, and one action with its events. */
@Path("/v2.1/servers/{id}/os-instance-actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InstanceActionResource {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final InstanceActionService actions;
    private final CurrentCaller callers;

    public InstanceActionResource(InstanceActionService actions, CurrentCaller callers) {
        this.actions = actions;
        this.callers = callers;
    }

    @GET
    public Uni<Map<String, Object>> list(@PathParam("id") String id) {
        Caller caller = callers.get();
        return actions.list(caller, RequestContext.serverId(id))
                .map(list -> Map.of("instanceActions", list.stream().map(InstanceActionResource::action).toList()));
    }

    @GET
    @Path("{requestId}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id, @PathParam("requestId") String requestId) {
        Caller caller = callers.get();
        return actions.show(caller, RequestContext.serverId(id), id, requestId).map(shown -> {
            Map<String, Object> view = action(shown.action());
            if (shown.events() != null) {
                view.put("events", shown.events().stream().map(e -> event(e, shown.details())).toList());
            }
            return Map.of("instanceAction", view);
        });
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
