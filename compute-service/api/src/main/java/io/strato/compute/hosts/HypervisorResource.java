package io.strato.compute.hosts;

import io.quarkus.security.Authenticated;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.compute.api.Microversion;
import io.strato.kit.web.Booleans;
import jakarta.ws.rs.BeanParam;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.PageLinks;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * Nova's os-hypervisors over the compute hosts (admins only): list, detail, show, statistics, uptime and
 * {@code /{pattern}/search} and {@code /{pattern}/servers}; cpu_info an object from 2.28, limit/marker paging from
 * 2.33.
 */
@Path("/v2.1/os-hypervisors")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HypervisorResource {
    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;
    private final FaultDialect faults;
    private final ApiVersion version;
    private final String publicUrl;

    public HypervisorResource(HostCatalog hosts, Policy policy, CurrentCaller callers, FaultDialect faults,
                              ApiVersion version,
                              @ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                              String publicUrl) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
        this.faults = faults;
        this.version = version;
        this.publicUrl = publicUrl;
    }

    /** The query of the lists: 2.33 {@code limit}/{@code marker}, 2.53 {@code hypervisor_hostname_pattern}/{@code with_servers}. */
    public static class ListQuery {
        @QueryParam("limit")
        String limit;
        @QueryParam("marker")
        String marker;
        @QueryParam("hypervisor_hostname_pattern")
        String pattern;
        @QueryParam("with_servers")
        String withServers;
        @Context
        UriInfo uri;
    }

    @GET
    public Uni<HypervisorView.Many> index(@BeanParam ListQuery q) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_LIST, caller, Map.of());
        return list(false, q);
    }

    @GET
    @Path("detail")
    public Uni<HypervisorView.Many> detail(@BeanParam ListQuery q) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_DETAIL, caller, Map.of());
        return list(true, q);
    }

    @GET
    @Path("statistics")
    public Uni<HypervisorView.StatisticsOne> statistics() {
        if (version.atLeast(88)) {
            throw new NotFound("The resource could not be found.");
        }
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_STATISTICS, caller, Map.of());
        return hosts.all().map(all -> new HypervisorView.StatisticsOne(HostViews.statistics(all)));
    }

    @GET
    @Path("{id}")
    public Uni<HypervisorView.One> show(@PathParam("id") String id, @QueryParam("with_servers") String withServers) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_SHOW, caller, Map.of());
        boolean servers = version.atLeast(53) && Booleans.isTrue(withServers);
        return hosts.byId(id, version.atLeast(53)).chain(h -> view(h, true, servers)).map(HypervisorView.One::new);
    }

    /** Agents report no host uptime: 501, which clients (openstack hypervisor show) take as "not available". */
    @GET
    @Path("{id}/uptime")
    public Uni<Response> uptime(@PathParam("id") String id) {
        if (version.atLeast(88)) { // 2.88: uptime is in show and detail instead
            throw new NotFound("The resource could not be found.");
        }
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_UPTIME, caller, Map.of());
        return hosts.byId(id, version.atLeast(53)).map(h -> faults.render(501, null, "Virt driver does not implement uptime function."));
    }

    @GET
    @Path("{pattern}/search")
    public Uni<HypervisorView.Many> search(@PathParam("pattern") String pattern) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_SEARCH, caller, Map.of());
        legacy();
        return matching(pattern, false);
    }

    @GET
    @Path("{pattern}/servers")
    public Uni<HypervisorView.Many> servers(@PathParam("pattern") String pattern) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_SERVERS, caller, Map.of());
        legacy();
        return matching(pattern, true);
    }

    /**
     * Every host before 2.33; from 2.33 a page of {@code limit} (≤ 1000) after the host {@code marker} (an id of the
     * request's kind); from 2.53 the hosts whose name contains {@code hypervisor_hostname_pattern} (none: 404, and not
     * with paging: 400), each with its servers when {@code with_servers}.
     */
    private Uni<HypervisorView.Many> list(boolean detail, ListQuery q) {
        Microversion v = version.get();
        boolean paged = v.atLeast(33);
        String pattern = v.atLeast(53) ? q.pattern : null;
        boolean servers = v.atLeast(53) && Booleans.isTrue(q.withServers);
        if (pattern != null && (q.limit != null || q.marker != null)) {
            throw new InvalidInput("Paging over hypervisors with the hypervisor_hostname_pattern query parameter is not supported.");
        }
        Paging paging = paged ? Paging.of(q.limit, q.marker, 1000, 1000) : new Paging(Integer.MAX_VALUE, null);
        int size = paging.limit() == 0 ? 1000 : paging.limit();
        return hosts.all().chain(all -> {
            List<HostRow> page = all.stream().filter(h -> pattern == null || h.hypervisorHostname().contains(pattern))
                    .filter(after(paging.marker(), all, v)).limit(size).toList();
            if (pattern != null && page.isEmpty()) {
                throw new NotFound("No hypervisor matching '" + pattern + "' could be found.");
            }
            List<Link> next = paged && !page.isEmpty() && page.size() == size ? Link.next(PageLinks.next(
                    q.uri.getRequestUri(), String.valueOf(HostViews.id(page.get(page.size() - 1), v)), publicUrl, "/v2.1/"))
                    : null;
            return Multi.createFrom().iterable(page).onItem().transformToUniAndConcatenate(h -> view(h, detail, servers))
                    .collect().asList().map(list -> new HypervisorView.Many(list, next));
        });
    }

    private Uni<HypervisorView> view(HostRow h, boolean detail, boolean servers) {
        HypervisorView v = HostViews.hypervisor(h, detail, version.get());
        return servers ? hosts.servers(h.host()).map(s -> HostViews.withServers(v, s, version.get())) : Uni.createFrom().item(v);
    }

    /** {@code /{pattern}/search} and {@code /{pattern}/servers} are gone from 2.53 (404). */
    private void legacy() {
        if (version.atLeast(53)) {
            throw new NotFound("The resource could not be found.");
        }
    }

    /** Hosts after the marker (in id order, as {@link HostCatalog#all} lists them); 400 for a marker that is no host. */
    private static java.util.function.Predicate<HostRow> after(String marker, List<HostRow> all, Microversion v) {
        if (marker == null) {
            return h -> true;
        }
        HostRow m = all.stream().filter(h -> String.valueOf(HostViews.id(h, v)).equals(marker)).findFirst()
                .orElseThrow(() -> new InvalidInput("marker [" + marker + "] not found"));
        return h -> h.id() > m.id();
    }

    private Uni<HypervisorView.Many> matching(String pattern, boolean servers) {
        return hosts.all().flatMap(all -> {
            List<HostRow> found = all.stream().filter(h -> h.hypervisorHostname().contains(pattern)).toList();
            if (found.isEmpty()) {
                throw new NotFound("No hypervisor matching '" + pattern + "' could be found.");
            }
            return Multi.createFrom().iterable(found)
                    .onItem().transformToUniAndConcatenate(h -> servers ? withServers(h) : Uni.createFrom().item(HostViews.hypervisor(h, false)))
                    .collect().asList().map(list -> new HypervisorView.Many(list, null));
        });
    }

    private Uni<HypervisorView> withServers(HostRow h) {
        return hosts.servers(h.host()).map(s -> HostViews.withServers(HostViews.hypervisor(h, false), s, version.get()));
    }
}
