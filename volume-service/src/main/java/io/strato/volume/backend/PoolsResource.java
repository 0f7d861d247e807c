package io.strato.volume.backend;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Booleans;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cinder's scheduler-stats/get_pools (admins): one pool per backend with its capacity, the GiB its
 * volumes and snapshots are provisioned with, and the bytes they really allocate (thin: far less).
 */
@Path("/v3/{project_id}/scheduler-stats/get_pools")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PoolsResource {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final Backends backends;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ProvisionedSizes sizes;

    public PoolsResource(Backends backends, Policy policy, CurrentCaller callers, ProvisionedSizes sizes) {
        this.backends = backends;
        this.sizes = sizes;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    @Blocking
    public PoolView.Many pools(@PathParam("project_id") String project, @QueryParam("detail") String detail) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.MANAGE_TYPES, Map.of());
        Map<String, Long> provisioned = sizes.byBackend();
        List<PoolView> pools = new ArrayList<>();
        for (Driver d : backends.all().values()) {
            PoolView.Capabilities caps = null;
            if (Booleans.isTrue(detail)) {
                Driver.Capacity c = d.capacity();
                long gb = provisioned.getOrDefault(d.name(), 0L);
                caps = new PoolView.Capabilities(d.name(), Backends.VENDOR, Backends.DRIVER_VERSION, Backends.STORAGE_PROTOCOL, round(c.totalBytes() / GIB),
                        round(c.freeBytes() / GIB), gb, gb, c.allocatedBytes(), true, false, "20.0", 0,
                        Instant.now().toString());
            }
            pools.add(new PoolView(Backends.serviceHost(d.name()) + "#" + d.name(), caps));
        }
        return new PoolView.Many(pools);
    }

    private static double round(double gb) {
        return Math.round(gb * 100) / 100.0;
    }
}
