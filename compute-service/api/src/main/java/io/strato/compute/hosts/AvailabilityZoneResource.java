package io.strato.compute.hosts;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nova's os-availability-zone from the zones of the compute hosts: a zone is available while one of its hosts
 * is enabled, as Nova decides it. The detail (admins) lists each zone's hosts and their nova-compute service.
 */
@Path("/v2.1/os-availability-zone")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityZoneResource {
    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;

    public AvailabilityZoneResource(HostCatalog hosts, Policy policy, CurrentCaller callers) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<AvailabilityZoneView.Info> index() {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.ZONES_LIST, caller, Map.of());
        return hosts.all().map(all -> new AvailabilityZoneView.Info(zones(all, false)));
    }

    @GET
    @Path("detail")
    public Uni<AvailabilityZoneView.Info> detail() {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.ZONES_DETAIL, caller, Map.of());
        return hosts.all().map(all -> new AvailabilityZoneView.Info(zones(all, true)));
    }

    /** Available zones first, then those whose every host is disabled, each sorted by name. */
    static List<AvailabilityZoneView> zones(List<HostRow> all, boolean detail) {
        Map<String, List<HostRow>> byZone = new TreeMap<>();
        all.forEach(h -> byZone.computeIfAbsent(h.zone(), z -> new ArrayList<>()).add(h));
        List<AvailabilityZoneView> available = new ArrayList<>();
        List<AvailabilityZoneView> unavailable = new ArrayList<>();
        byZone.forEach((zone, members) -> {
            boolean isAvailable = members.stream().anyMatch(HostRow::enabled);
            AvailabilityZoneView z = new AvailabilityZoneView(zone, new AvailabilityZoneView.State(isAvailable),
                    detail ? hosts(members) : null);
            (isAvailable ? available : unavailable).add(z);
        });
        available.addAll(unavailable);
        return available;
    }

    private static Map<String, Map<String, AvailabilityZoneView.Service>> hosts(List<HostRow> members) {
        Map<String, Map<String, AvailabilityZoneView.Service>> out = new TreeMap<>();
        for (HostRow h : members) {
            out.put(h.host(), Map.of(HostViews.COMPUTE, new AvailabilityZoneView.Service(h.up(), h.enabled(),
                    HostViews.time(h.lastHeartbeat()))));
        }
        return out;
    }
}
