package io.strato.compute.securitygroups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.serverinfo.VisibleServers;
import io.strato.compute.servers.RequestContext;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Nova's {@code GET /servers/{id}/os-security-groups} (every microversion): the groups of the server's ports,
 * in os-security-groups' shape; 404 for a server the caller cannot see (policy
 * {@code os_compute_api:os-security-groups:list}, the server project's readers).
 */
@Path("/v2.1/servers/{id}/os-security-groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerSecurityGroupResource {
    private final SecurityGroupProxy groups;
    private final VisibleServers servers;
    private final CurrentCaller callers;

    public ServerSecurityGroupResource(SecurityGroupProxy groups, VisibleServers servers, CurrentCaller callers) {
        this.groups = groups;
        this.servers = servers;
        this.callers = callers;
    }

    @GET
    public Uni<SecurityGroupView.Many> index(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        return servers.check(callers.get(), id, SecurityGroupPolicies.LIST)
                .chain(() -> groups.ofServer(RequestContext.serverId(id), token))
                .map(SecurityGroupView.Many::sorted);
    }
}
