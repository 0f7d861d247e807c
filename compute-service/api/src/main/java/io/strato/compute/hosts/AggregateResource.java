package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    public Aggregates index() {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.AGGREGATES_INDEX, caller, Map.of());
        return new Aggregates(List.of());
    }

    /** {@code {"aggregates": []}}: Strato has no host aggregates (a zone is a host's own attribute). */
    @Schema(name = "Aggregates")
    public record Aggregates(@JsonProperty("aggregates") List<Object> aggregates) {
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.AGGREGATES_SHOW, caller, Map.of());
        throw new NotFound("Aggregate " + id + " could not be found.");
    }
}
