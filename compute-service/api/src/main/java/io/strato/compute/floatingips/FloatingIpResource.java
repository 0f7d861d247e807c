package io.strato.compute.floatingips;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ProxyAccess;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nova's os-floating-ips proxy (up to 2.35; 404 from 2.36) over network-service: the project's floating IPs, one,
 * allocate ({@code {"pool": name}} or no body: the default pool), release (202). Associating is the server actions
 * addFloatingIp/removeFloatingIp ({@code servers/ServerFloatingIps}).
 */
@Path("/v2.1/os-floating-ips")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FloatingIpResource {
    private final FloatingIpProxy floatingIps;
    private final ProxyAccess access;

    public FloatingIpResource(FloatingIpProxy floatingIps, ProxyAccess access) {
        this.floatingIps = floatingIps;
        this.access = access;
    }

    @GET
    public Uni<FloatingIpView.Many> index(@HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(FloatingIpPolicies.LIST);
        return floatingIps.list(caller.projectId(), token).map(FloatingIpView.Many::new);
    }

    @GET
    @Path("{id}")
    public Uni<FloatingIpView.One> show(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(FloatingIpPolicies.SHOW);
        return floatingIps.show(id, token).map(FloatingIpView.One::new);
    }

    @POST
    public Uni<FloatingIpView.One> create(FloatingIpBody body, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(FloatingIpPolicies.CREATE);
        JsonNode pool = body == null ? null : body.pool();
        if (pool != null && !pool.isNull() && !pool.isTextual()) {
            throw BodyFields.invalid("pool", pool, pool + " is not of type 'string', 'null'");
        }
        return floatingIps.allocate(pool == null || pool.isNull() ? null : pool.asText(), token).map(FloatingIpView.One::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(FloatingIpPolicies.DELETE);
        return floatingIps.release(id, token).map(v -> Response.accepted().build());
    }

}
