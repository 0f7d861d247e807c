package io.strato.compute.servers;

import io.quarkus.security.Authenticated;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.compute.api.Microversion;
import io.strato.kit.web.PageLinks;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
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
    private final ApiVersion version;
    private final ServerViews views;

    public InstanceActionResource(InstanceActionService actions, CurrentCaller callers, ApiVersion version, ServerViews views) {
        this.actions = actions;
        this.callers = callers;
        this.version = version;
        this.views = views;
    }

    /**
     * The server's actions, newest first; from 2.58 with {@code limit}, {@code marker} (a request id),
     * {@code changes-since} (2.66 {@code changes-before}) on their {@code updated_at}, and a next link when the page
     * is full.
     */
    @GET
    public Uni<InstanceActionView.Many> list(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        Microversion v = version.get();
        InstanceActionService.Query q = v.atLeast(58) ? InstanceActionService.Query.parse(uri.getQueryParameters(), v.atLeast(66))
                : InstanceActionService.Query.ALL;
        return actions.list(caller, RequestContext.serverId(id), q).map(list -> new InstanceActionView.Many(
                list.stream().map(a -> InstanceActionView.of(a, null, v)).toList(),
                v.atLeast(58) && q.full(list.size()) ? Link.next(PageLinks.next(uri.getRequestUri(),
                        list.get(list.size() - 1).requestId, views.publicUrl(), "/v2.1/")) : null));
    }

    @GET
    @Path("{requestId}")
    public Uni<InstanceActionView.One> show(@PathParam("id") String id, @PathParam("requestId") String requestId) {
        Caller caller = callers.get();
        Microversion v = version.get();
        return actions.show(caller, RequestContext.serverId(id), id, requestId).map(shown -> new InstanceActionView.One(
                InstanceActionView.of(shown.action(), shown.events() == null ? null : shown.events().stream()
                        .map(e -> InstanceActionView.event(e, shown.details(), shown.host(), shown.projectId(), v))
                        .toList(), v)));
    }
}
