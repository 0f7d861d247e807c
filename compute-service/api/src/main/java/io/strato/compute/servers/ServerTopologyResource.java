package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Nova's server topology (2.78): a server's NUMA cells. Strato places no guest on NUMA cells (its agents build
 * domains without a {@code <numatune>}), so every server has Nova's answer for an instance without a NUMA
 * topology: no nodes, no page size. Before 2.78 the resource is not found.
 */
@Path("/v2.1/servers/{id}/topology")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerTopologyResource {
    private final ServerQueries queries;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public ServerTopologyResource(ServerQueries queries, CurrentCaller callers, ApiVersion version) {
        this.queries = queries;
        this.callers = callers;
        this.version = version;
    }

    /** {@code {"nodes": [], "pagesize_kb": null}}. */
    public record Topology(@JsonProperty("nodes") List<Object> nodes, @JsonProperty("pagesize_kb") Integer pagesizeKb) {
    }

    @GET
    public Uni<Topology> index(@PathParam("id") String id) {
        Caller caller = callers.get();
        if (!version.atLeast(78)) {
            throw new NotFound("The resource could not be found.");
        }
        return queries.authorized(caller, RequestContext.serverId(id), ServerPolicies.TOPOLOGY)
                .map(s -> new Topology(List.of(), null));
    }
}
