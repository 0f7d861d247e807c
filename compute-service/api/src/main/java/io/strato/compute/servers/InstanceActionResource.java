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

/** Nova's os-instance-actions: the actions done to a server, and one action with its events. */
@Path("/v2.1/servers/{id}/os-instance-actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InstanceActionResource {
    private final InstanceActionService actions;
    private final CurrentCaller callers;

    public InstanceActionResource(InstanceActionService actions, CurrentCaller callers) {
        this.actions = actions;
        this.callers = callers;
    }

    @GET
    public Uni<InstanceActionView.Many> list(@PathParam("id") String id) {
        Caller caller = callers.get();
        return actions.list(caller, RequestContext.serverId(id)).map(list -> new InstanceActionView.Many(
                list.stream().map(a -> InstanceActionView.of(a, null)).toList()));
    }

    @GET
    @Path("{requestId}")
    public Uni<InstanceActionView.One> show(@PathParam("id") String id, @PathParam("requestId") String requestId) {
        Caller caller = callers.get();
        return actions.show(caller, RequestContext.serverId(id), id, requestId).map(shown -> new InstanceActionView.One(
                InstanceActionView.of(shown.action(), shown.events() == null ? null : shown.events().stream()
                        .map(e -> InstanceActionView.event(e, shown.details())).toList())));
    }
}
