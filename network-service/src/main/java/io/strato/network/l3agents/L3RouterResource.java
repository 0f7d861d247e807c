package io.strato.network.l3agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.network.api.Neutron;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Neutron's {@code /v2.0/agents/{id}/l3-routers} (extension {@code l3_agent_scheduler}): the routers an agent hosts,
 * and an admin's manual scheduling ({@code openstack network agent add|remove router --l3}).
 */
@Path("/v2.0/agents/{agent_id}/l3-routers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class L3RouterResource {
    private final L3AgentSchedulerService scheduler;
    private final CurrentCaller callers;

    public L3RouterResource(L3AgentSchedulerService scheduler, CurrentCaller callers) {
        this.scheduler = scheduler;
        this.callers = callers;
    }

    @GET
    public Uni<L3Views.Routers> list(@PathParam("agent_id") String agentId) {
        return scheduler.routersOn(callers.get(), agentId).map(L3Views.Routers::new);
    }

    /** 201 with the body {@code null}, as Neutron answers (openstacksdk parses the body as JSON). */
    @POST
    public Uni<Response> add(@PathParam("agent_id") String agentId, L3RouterBody body) {
        JsonNode router = body == null ? null : body.routerId();
        if (router == null || router.isNull()) {
            throw Neutron.badRequest("HTTPBadRequest", "Failed to parse request. Required attribute 'router_id' not specified");
        }
        return scheduler.add(callers.get(), agentId, router.asText())
                .map(v -> Response.status(201).entity("null").type(MediaType.APPLICATION_JSON).build());
    }

    @DELETE
    @Path("{router_id}")
    public Uni<Response> remove(@PathParam("agent_id") String agentId, @PathParam("router_id") String routerId) {
        return scheduler.remove(callers.get(), agentId, routerId).map(v -> Response.noContent().build());
    }
}
