package io.strato.compute.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.FaultDialect;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.BodyRecords;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's os-hosts (admins; up to 2.42, 404 from 2.43) over the compute host rows: the enabled hosts' compute services
 * (with a {@code zone} filter), a host's resources, and the host actions as Nova answers them for its libvirt driver,
 * which implements none of them: 501 for an up host, 400 for a down one, 404 for an unknown one.
 */
@Path("/v2.1/os-hosts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OsHostResource {
    /** The last microversion of os-hosts. */
    static final int LAST_MINOR = 42;
    private static final String POWER = "Virt driver does not implement host power management.";

    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final FaultDialect faults;

    public OsHostResource(HostCatalog hosts, Policy policy, CurrentCaller callers, ApiVersion version, FaultDialect faults) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.faults = faults;
    }

    /** The enabled hosts (Nova lists services not disabled); {@code zone} (when not empty) keeps that zone's. */
    @GET
    public Uni<OsHostView.Many> index(@QueryParam("zone") String zone) {
        allow(HostPolicies.HOSTS_LIST);
        return hosts.all().map(all -> new OsHostView.Many(all.stream().filter(HostRow::enabled)
                .filter(h -> zone == null || zone.isEmpty() || zone.equals(h.zone())).map(OsHostView::of).toList()));
    }

    @GET
    @Path("{host}")
    public Uni<OsHostView.Resources> show(@PathParam("host") String host) {
        allow(HostPolicies.HOSTS_SHOW);
        return known(host).chain(h -> hosts.serverSizes(h.host()).map(servers -> OsHostView.resources(h, servers)));
    }

    /** Nova's schema first (400), then the rule; the driver sets neither status nor maintenance mode. */
    @PUT
    @Path("{host}")
    public Uni<Response> update(@PathParam("host") String host, OsHostUpdateBody body) {
        JsonNode b = BodyRecords.json(body);
        BodyFields.onlyKnown(b, Set.of("status", "maintenance_mode"));
        if (!b.has("status") && !b.has("maintenance_mode")) {
            throw BodyFields.invalid("os-hosts", b, b + " is not valid under any of the given schemas");
        }
        switchValue(b, "status");
        switchValue(b, "maintenance_mode");
        allow(HostPolicies.HOSTS_UPDATE);
        String message = b.has("status") ? "Virt driver does not implement host disabled status."
                : "Virt driver does not implement host maintenance mode.";
        return unsupported(host, message);
    }

    @GET
    @Path("{host}/startup")
    public Uni<Response> startup(@PathParam("host") String host) {
        allow(HostPolicies.HOSTS_START);
        return unsupported(host, POWER);
    }

    @GET
    @Path("{host}/shutdown")
    public Uni<Response> shutdown(@PathParam("host") String host) {
        allow(HostPolicies.HOSTS_SHUTDOWN);
        return unsupported(host, POWER);
    }

    @GET
    @Path("{host}/reboot")
    public Uni<Response> reboot(@PathParam("host") String host) {
        allow(HostPolicies.HOSTS_REBOOT);
        return unsupported(host, POWER);
    }

    private void allow(String rule) {
        version.servedUpTo(LAST_MINOR);
        policy.enforce(rule, callers.get(), Map.of());
    }

    /** Nova's host API on a host: 404 unknown, 400 while its compute service is down, else the driver's 501. */
    private Uni<Response> unsupported(String host, String message) {
        return known(host).map(h -> {
            if (!h.up()) {
                throw new InvalidInput("Compute service of " + host + " is unavailable at this time.");
            }
            return faults.render(501, null, message);
        });
    }

    private Uni<HostRow> known(String host) {
        return hosts.byName(host).onFailure(NotFound.class)
                .transform(e -> new NotFound("Host '" + host + "' is not mapped to any cell"));
    }

    private static void switchValue(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v != null && !(v.isTextual() && v.asText().matches("enable|disable|Enable|Disable|ENABLE|DISABLE"))) {
            throw BodyFields.invalid(field, v, v + " is not one of ['enable', 'disable', 'Enable', 'Disable', 'ENABLE', 'DISABLE']");
        }
    }
}
