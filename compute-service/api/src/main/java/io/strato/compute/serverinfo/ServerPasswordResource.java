package io.strato.compute.serverinfo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nova's os-server-password: the encrypted password a guest posted to the metadata service. Strato's metadata
 * service takes no password from guests, so every server's is empty, as Nova answers for a server whose guest
 * posted none; clearing it changes nothing. Unknown or another project's server: 404.
 */
@Path("/v2.1/servers/{id}/os-server-password")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerPasswordResource {
    private final VisibleServers servers;
    private final CurrentCaller callers;

    public ServerPasswordResource(VisibleServers servers, CurrentCaller callers) {
        this.servers = servers;
        this.callers = callers;
    }

    /** {@code {"password": "..."}}. */
    public record Password(@JsonProperty("password") String password) {
    }

    @GET
    public Uni<Password> show(@PathParam("id") String id) {
        return allowed(id, ServerInfoPolicies.PASSWORD_SHOW).map(v -> new Password(""));
    }

    @DELETE
    public Uni<Response> clear(@PathParam("id") String id) {
        return allowed(id, ServerInfoPolicies.PASSWORD_CLEAR).map(v -> Response.noContent().build());
    }

    private Uni<Void> allowed(String id, String rule) {
        return servers.check(callers.get(), id, rule);
    }
}
