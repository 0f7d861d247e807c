package io.strato.compute.serverinfo;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Nova's os-virtual-interfaces (up to 2.43; 404 from 2.44). It lists nova-network's interfaces only: with Neutron,
 * as Strato networks, Nova answers 400 for a server the caller may see (404 for any other). The ports are
 * Neutron's (network-service) and os-interface's.
 */
@Path("/v2.1/servers/{id}/os-virtual-interfaces")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VirtualInterfaceResource {
    private final VisibleServers servers;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public VirtualInterfaceResource(VisibleServers servers, CurrentCaller callers, ApiVersion version) {
        this.servers = servers;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<Object> index(@PathParam("id") String id) {
        version.servedUpTo(43);
        return servers.check(callers.get(), id, ServerInfoPolicies.VIRTUAL_INTERFACES_LIST).map(v -> {
            throw new InvalidInput("Listing virtual interfaces is not supported by this cloud.");
        });
    }
}
