package io.strato.compute.serverinfo;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.FaultDialect;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nova's {@code GET /servers/{id}/diagnostics} (admins). Strato's agents cannot be asked for a domain's statistics
 * (the agent protocol has no diagnostics command), so this is Nova's answer for a virt driver that does not implement
 * them: 501 {@code The requested functionality is not supported.}, after Nova's 404 (no such server) and 409 (not on a
 * host yet). No numbers are made up.
 */
@Path("/v2.1/servers/{id}/diagnostics")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerDiagnosticsResource {
    private final VisibleServers servers;
    private final CurrentCaller callers;
    private final FaultDialect faults;

    public ServerDiagnosticsResource(VisibleServers servers, CurrentCaller callers, FaultDialect faults) {
        this.servers = servers;
        this.callers = callers;
        this.faults = faults;
    }

    @GET
    public Uni<Response> index(@PathParam("id") String id) {
        return servers.find(callers.get(), id, ServerInfoPolicies.DIAGNOSTICS).map(s -> {
            if (s.host == null) {
                throw new Conflict("Instance " + s.id + " is not ready");
            }
            return faults.render(501, null, "The requested functionality is not supported.");
        });
    }
}
