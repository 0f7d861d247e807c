package io.strato.volume.zones;

import io.quarkus.security.Authenticated;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Cinder's {@code os-availability-zone} and {@code extensions}: what a client asks to learn what this cloud offers.
 * One zone (the configured one volumes are created in), always available.
 */
@Path("/v3/{project_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ZoneResource {
    private final Policy policy;
    private final CurrentCaller callers;
    private final VolumeApiConfig config;

    public ZoneResource(Policy policy, CurrentCaller callers, VolumeApiConfig config) {
        this.policy = policy;
        this.callers = callers;
        this.config = config;
    }

    @GET
    @Path("os-availability-zone")
    public ZoneView.Many zones(@PathParam("project_id") String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.READ);
        return new ZoneView.Many(java.util.List.of(ZoneView.available(config.availabilityZone())));
    }

    @GET
    @Path("extensions")
    public ExtensionView.Many extensions(@PathParam("project_id") String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.READ);
        return new ExtensionView.Many(ExtensionView.SERVED);
    }
}
