package io.strato.compute.hosts;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.FaultDialect;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Nova's os-hypervisors at 2.1 over the compute hosts (admins only): list, detail, show, statistics, uptime and
 * {@code /{pattern}/search} and {@code /{pattern}/servers}.
 */
@Path("/v2.1/os-hypervisors")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HypervisorResource {
    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;
    private final FaultDialect faults;

    public HypervisorResource(HostCatalog hosts, Policy policy, CurrentCaller callers, FaultDialect faults) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
        this.faults = faults;
    }

    @GET
    public Uni<HypervisorView.Many> index() {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_LIST, caller, Map.of());
        return list(false);
    }

    @GET
    @Path("detail")
    public Uni<HypervisorView.Many> detail() {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_DETAIL, caller, Map.of());
        return list(true);
    }

    @GET
    @Path("statistics")
    public Uni<HypervisorView.StatisticsOne> statistics() {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_STATISTICS, caller, Map.of());
        return hosts.all().map(all -> new HypervisorView.StatisticsOne(HostViews.statistics(all)));
    }

    @GET
    @Path("{id}")
    public Uni<HypervisorView.One> show(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_SHOW, caller, Map.of());
        return hosts.byId(id).map(h -> new HypervisorView.One(HostViews.hypervisor(h, true)));
    }

    /** Agents report no host uptime: 501, which clients (openstack hypervisor show) take as "not available". */
    @GET
    @Path("{id}/uptime")
    public Uni<Response> uptime(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_UPTIME, caller, Map.of());
        return hosts.byId(id).map(h -> faults.render(501, null, "Virt driver does not implement uptime function."));
    }

    @GET
    @Path("{pattern}/search")
    public Uni<HypervisorView.Many> search(@PathParam("pattern") String pattern) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_SEARCH, caller, Map.of());
        return matching(pattern, false);
    }

    @GET
    @Path("{pattern}/servers")
    public Uni<HypervisorView.Many> servers(@PathParam("pattern") String pattern) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_SERVERS, caller, Map.of());
        return matching(pattern, true);
    }

    /** Every host (2.1 has no paging; limit/marker of 2.33 are not served). */
    private Uni<HypervisorView.Many> list(boolean detail) {
        return hosts.all().map(all -> new HypervisorView.Many(
                all.stream().map(h -> HostViews.hypervisor(h, detail)).toList()));
    }

    private Uni<HypervisorView.Many> matching(String pattern, boolean servers) {
        return hosts.all().flatMap(all -> {
            List<HostRow> found = all.stream().filter(h -> h.hypervisorHostname().contains(pattern)).toList();
            if (found.isEmpty()) {
                throw new NotFound("No hypervisor matching '" + pattern + "' could be found.");
            }
            return Multi.createFrom().iterable(found)
                    .onItem().transformToUniAndConcatenate(h -> servers ? withServers(h) : Uni.createFrom().item(HostViews.hypervisor(h, false)))
                    .collect().asList().map(HypervisorView.Many::new);
        });
    }

    private Uni<HypervisorView> withServers(HostRow h) {
        return hosts.servers(h.host()).map(s -> HostViews.withServers(HostViews.hypervisor(h, false), s));
    }
}
