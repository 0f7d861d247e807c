package io.strato.volume.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Cinder's {@code GET /capabilities/{host}} (admins): what a backend offers, for a host {@code strato@<backend>} (a
 * pool name {@code strato@<backend>#<pool>} names its backend too), with the vendor, driver and protocol get_pools
 * reports.
 */
@Path("/v3/{project_id}/capabilities")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CapabilitiesResource {
    private final Backends backends;
    private final Policy policy;
    private final CurrentCaller callers;

    public CapabilitiesResource(Backends backends, Policy policy, CurrentCaller callers) {
        this.backends = backends;
        this.policy = policy;
        this.callers = callers;
    }

    public record Property(String title, String description, String type) {
    }

    public record Capabilities(
            String namespace,
            @JsonProperty("vendor_name") String vendorName,
            @JsonProperty("volume_backend_name") String volumeBackendName,
            @JsonProperty("pool_name") String poolName,
            @JsonProperty("driver_version") String driverVersion,
            @JsonProperty("storage_protocol") String storageProtocol,
            @JsonProperty("display_name") String displayName,
            String description,
            String visibility,
            @JsonProperty("replication_targets") List<String> replicationTargets,
            Map<String, Property> properties) {
    }

    @GET
    @Path("{host}")
    public Capabilities show(@PathParam("project_id") String project, @PathParam("host") String host) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.CAPABILITIES, Map.of());
        String backendHost = host.contains("#") ? host.substring(0, host.indexOf('#')) : host;
        String backend = backends.all().keySet().stream().filter(b -> Backends.serviceHost(b).equals(backendHost))
                .findFirst().orElseThrow(() -> new NotFound("Service " + host + " could not be found."));
        return new Capabilities("OS::Storage::Capabilities::" + backendHost, Backends.VENDOR, backend, null,
                Backends.DRIVER_VERSION, Backends.STORAGE_PROTOCOL, null, null, null, List.of(),
                Map.of("thin_provisioning", new Property("Thin Provisioning", "Sets thin provisioning.", "boolean")));
    }
}
