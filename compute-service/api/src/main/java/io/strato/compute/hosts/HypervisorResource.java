package io.strato.compute.hosts;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.FaultDialect;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nova's os-hypervisors over the compute hosts (admins only): list, detail, show, statistics, and the legacy
 * {@code /{pattern}/search} and {@code /{pattern}/servers} (before 2.53). 2.33 pages with limit/marker, 2.53 adds
 * {@code hypervisor_hostname_pattern} and {@code with_servers}.
 */
@Path("/v2.1/os-hypervisors")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HypervisorResource {
    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final FaultDialect faults;
    private final String publicUrl;

    public HypervisorResource(HostCatalog hosts, Policy policy, CurrentCaller callers, ApiVersion version, FaultDialect faults,
                              @ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                              String publicUrl) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.faults = faults;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
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
    }

    @GET
    public Uni<Map<String, Object>> index(@BeanParam ListQuery q) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_LIST, caller, Map.of());
        return list(false, q);
    }

    @GET
    @Path("detail")
    public Uni<Map<String, Object>> detail(@BeanParam ListQuery q) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_DETAIL, caller, Map.of());
        return list(true, q);
    }

    @GET
    @Path("statistics")
    public Uni<Map<String, Object>> statistics() {
        Caller caller = callers.get();
        if (version.atLeast(88)) {
            throw new NotFound("The resource could not be found.");
        }
        policy.enforce(HostPolicies.HYPERVISORS_STATISTICS, caller, Map.of());
        return hosts.all().map(all -> Map.of("hypervisor_statistics", HostViews.statistics(all)));
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id, @QueryParam("with_servers") String withServers) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.HYPERVISORS_SHOW, caller, Map.of());
        int minor = version.get().minor();
        return hosts.byId(id, minor >= 53).flatMap(h -> withServers(h, true, minor >= 53 && Booleans.isTrue(withServers)))
                .map(v -> {
                    if (minor >= 88) {
                        v.put("uptime", null); // 2.88 shows the host's uptime here; agents report none
                    }
                    return Map.of("hypervisor", v);
                });
    }

    /** Agents report no host uptime: 501, which clients (openstack hypervisor show) take as "not available". */
    @GET
    @Path("{id}/uptime")
    public Uni<Response> uptime(@PathParam("id") String id) {
        Caller caller = callers.get();
        if (version.atLeast(88)) {
            throw new NotFound("The resource could not be found.");
        }
        policy.enforce(HostPolicies.HYPERVISORS_UPTIME, caller, Map.of());
        return hosts.byId(id, version.atLeast(53)).map(h -> faults.render(501, null,
                "Virt driver does not implement uptime function."));
    }

    @GET
    @Path("{pattern}/search")
    public Uni<Map<String, Object>> search(@PathParam("pattern") String pattern) {
        Caller caller = callers.get();
        legacy();
        policy.enforce(HostPolicies.HYPERVISORS_SEARCH, caller, Map.of());
        return matching(pattern, false);
    }

    @GET
    @Path("{pattern}/servers")
    public Uni<Map<String, Object>> servers(@PathParam("pattern") String pattern) {
        Caller caller = callers.get();
        legacy();
        policy.enforce(HostPolicies.HYPERVISORS_SERVERS, caller, Map.of());
        return matching(pattern, true);
    }

    private Uni<Map<String, Object>> list(boolean detail, ListQuery q) {
        int minor = version.get().minor();
        Paging paging = minor >= 33 ? Paging.of(q.limit, q.marker, 1000, 1000) : new Paging(1000, null);
        boolean servers = minor >= 53 && Booleans.isTrue(q.withServers);
        String hostPattern = minor >= 53 ? q.pattern : null;
        return hosts.all().flatMap(all -> {
            List<HostRow> page = all.stream()
                    .filter(h -> hostPattern == null || h.hypervisorHostname().contains(hostPattern))
                    .filter(after(paging.marker(), all, minor))
                    .limit(paging.limit() == 0 ? 1000 : paging.limit())
                    .toList();
            return views(page, detail, servers).map(items -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("hypervisors", items);
                if (minor >= 33 && !page.isEmpty() && page.size() == paging.limit()) {
                    out.put("hypervisors_links", List.of(Map.of("rel", "next", "href",
                            publicUrl + "/v2.1/os-hypervisors" + (detail ? "/detail" : "") + "?limit=" + paging.limit()
                                    + "&marker=" + HostViews.id(page.get(page.size() - 1), minor))));
                }
                return out;
            });
        });
    }

    /** Hosts after the marker (an id of this microversion's kind); 400 for a marker that is no host. */
    private static java.util.function.Predicate<HostRow> after(String marker, List<HostRow> all, int minor) {
        if (marker == null) {
            return h -> true;
        }
        HostRow m = all.stream().filter(h -> String.valueOf(HostViews.id(h, minor)).equals(marker)).findFirst()
                .orElseThrow(() -> new InvalidInput("marker [" + marker + "] not found"));
        return h -> h.id() > m.id();
    }

    private Uni<Map<String, Object>> matching(String pattern, boolean servers) {
        return hosts.all().flatMap(all -> {
            List<HostRow> found = all.stream().filter(h -> h.hypervisorHostname().contains(pattern)).toList();
            if (found.isEmpty()) {
                throw new NotFound("No hypervisor matching '" + pattern + "' could be found.");
            }
            return views(found, false, servers).map(items -> Map.of("hypervisors", items));
        });
    }

    private Uni<List<Map<String, Object>>> views(List<HostRow> page, boolean detail, boolean servers) {
        return Multi.createFrom().iterable(page).onItem().transformToUniAndConcatenate(h -> withServers(h, detail, servers))
                .collect().asList();
    }

    private Uni<Map<String, Object>> withServers(HostRow h, boolean detail, boolean servers) {
        Map<String, Object> v = HostViews.hypervisor(h, detail, version.get().minor());
        return servers ? hosts.servers(h.host()).map(s -> HostViews.withServers(v, s)) : Uni.createFrom().item(v);
    }

    private void legacy() {
        if (version.atLeast(53)) {
            throw new NotFound("The resource could not be found.");
        }
    }
}
