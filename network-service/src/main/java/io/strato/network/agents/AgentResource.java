package io.strato.network.agents;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.web.Ids;
import io.strato.network.api.FieldSelection;
import io.strato.network.api.ListRequest;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** Neutron's {@code /v2.0/agents} (the {@code agent} extension): the hosts' network agents, for admins. */
@Path("/v2.0/agents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
    private final AgentService agents;
    private final CurrentCaller callers;

    public AgentResource(AgentService agents, CurrentCaller callers) {
        this.agents = agents;
        this.callers = callers;
    }

    @GET
    @FieldSelection
    public Uni<AgentView.Many> list(@Context UriInfo uri) {
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return agents.list(callers.get(), request)
                .map(views -> new AgentView.Many(views, Lists.next(views, AgentView::id, request, uri)));
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<AgentView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return agents.show(callers.get(), pathId(id)).map(AgentView.One::new);
    }

    @PUT
    @Path("{id}")
    public Uni<AgentView.One> update(@PathParam("id") String id, AgentBody body) {
        UUID agent = pathId(id);
        AgentRequest.Update request = AgentRequest.update(BodyRecords.wrapped(body, AgentBody::agent, "agent"));
        return agents.update(callers.get(), agent, request).map(AgentView.One::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return agents.delete(callers.get(), pathId(id)).map(v -> Response.noContent().build());
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> Neutron.notFound("Agent", id));
    }
}
