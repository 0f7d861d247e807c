package io.strato.network.l3agents;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Neutron's {@code /v2.0/routers/{id}/l3-agents}: the agent hosting a router ({@code openstack network agent list --router}). */
@Path("/v2.0/routers/{router_id}/l3-agents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class L3AgentResource {
    private final L3AgentSchedulerService scheduler;
    private final CurrentCaller callers;

    public L3AgentResource(L3AgentSchedulerService scheduler, CurrentCaller callers) {
        this.scheduler = scheduler;
        this.callers = callers;
    }

    /** An id that is no router's, or no UUID, is an empty list, as Neutron answers (it only reads the bindings). */
    @GET
    public Uni<L3Views.Agents> list(@PathParam("router_id") String routerId) {
        return scheduler.agentsHosting(callers.get(), routerId).map(L3Views.Agents::new);
    }
}
