package io.strato.compute.floatingips;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.ProxyAccess;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Nova's os-floating-ip-pools (up to 2.35): the external networks the caller sees, by name. */
@Path("/v2.1/os-floating-ip-pools")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FloatingIpPoolResource {
    private final FloatingIpProxy floatingIps;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public FloatingIpPoolResource(FloatingIpProxy floatingIps, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.floatingIps = floatingIps;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<FloatingIpView.Pools> index(@HeaderParam("X-Auth-Token") String token) {
        version.servedUpTo(ProxyAccess.LAST_MINOR);
        policy.enforce(FloatingIpPolicies.POOLS, callers.get(), Map.of());
        return floatingIps.poolList(token).map(FloatingIpView.Pools::new);
    }
}
