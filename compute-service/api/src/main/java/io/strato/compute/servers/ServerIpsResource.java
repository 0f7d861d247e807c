package io.strato.compute.servers;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Nova's os-ips: a server's fixed addresses by network label, all of them or one network's. */
@Path("/v2.1/servers/{id}/ips")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerIpsResource {
    private final ServerQueries queries;
    private final CurrentCaller callers;

    public ServerIpsResource(ServerQueries queries, CurrentCaller callers) {
        this.queries = queries;
        this.callers = callers;
    }

    /** {@code {"addresses": {label: [{version, addr}]}}}. */
    public record Addresses(@com.fasterxml.jackson.annotation.JsonProperty("addresses")
                            Map<String, List<ServerBasicView.Address>> addresses) {
    }

    @GET
    public Uni<Addresses> index(@PathParam("id") String id) {
        return queries.ports(callers.get(), RequestContext.serverId(id), ServerPolicies.IPS_INDEX)
                .map(ports -> new Addresses(ServerViews.plainAddresses(ports)));
    }

    /** {@code {label: [{version, addr}]}}; 404 when the server has no address on that network. */
    @GET
    @Path("{label}")
    public Uni<Map<String, List<ServerBasicView.Address>>> show(@PathParam("id") String id, @PathParam("label") String label) {
        return queries.ports(callers.get(), RequestContext.serverId(id), ServerPolicies.IPS_SHOW).map(ports -> {
            List<ServerBasicView.Address> found = ServerViews.plainAddresses(ports).get(label);
            if (found == null) {
                throw new NotFound("Instance is not a member of specified network");
            }
            return Map.of(label, found);
        });
    }
}
