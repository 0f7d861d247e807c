package io.strato.compute.hosts;

import io.quarkus.security.Authenticated;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Nova's os-aggregates, read-only and empty: Strato groups hosts by availability zone only (the zone an agent is
 * configured with) and has no host aggregates. Clients that read aggregates, such as {@code openstack hypervisor
 * show}, get an empty list instead of a 404.
 */
@Path("/v2.1/os-aggregates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {
    private final Policy policy;
    private final CurrentCaller callers;

    public AggregateResource(Policy policy, CurrentCaller callers) {
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Map<String, Object> index() {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.AGGREGATES_INDEX, caller, Map.of());
        return Map.of("aggregates", List.of());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.AGGREGATES_SHOW, caller, Map.of());
        throw new NotFound("Aggregate " + id + " could not be found.");
    }
}
