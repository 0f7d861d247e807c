package io.strato.volume.services;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.backend.Backends;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Cinder's os-hosts (admins): every service's host, and a cinder-volume host's volumes and snapshots by project. */
@Path("/v3/{project_id}/os-hosts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HostsResource {
    private final VolumeServices services;
    private final HostUsage usage;
    private final Policy policy;
    private final CurrentCaller callers;

    public HostsResource(VolumeServices services, HostUsage usage, Policy policy, CurrentCaller callers) {
        this.services = services;
        this.usage = usage;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<HostView.Many> list(@PathParam("project_id") String project, @QueryParam("zone") String zone) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.HOSTS, Map.of());
        return services.list(null, null).map(l -> new HostView.Many(l.stream()
                .filter(s -> zone == null || zone.equals(s.zone())).map(HostView.Entry::of).toList()));
    }

    /** A cinder-volume host ({@code strato@<backend>}); another host, or a disabled one, is a 404 as in Cinder. */
    @GET
    @Path("{host}")
    public Uni<HostView.Show> show(@PathParam("project_id") String project, @PathParam("host") String host) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.HOSTS, Map.of());
        return services.list(null, VolumeServices.VOLUME).flatMap(l -> {
            VolumeServices.Service s = l.stream().filter(x -> x.host().equals(host) && !x.disabled()).findFirst()
                    .orElseThrow(() -> new NotFound("Host " + host + " could not be found."));
            String backend = s.host().substring(Backends.HOST.length() + 1);
            return usage.of(backend).map(u -> new HostView.Show(u.stream().map(x -> HostView.Item.of(host, x)).toList()));
        });
    }
}
