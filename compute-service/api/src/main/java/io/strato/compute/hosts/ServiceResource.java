package io.strato.compute.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.rest.BodyRecords;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.compute.api.ApiVersion;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * Nova's os-services for the nova-compute service of every compute host (admins only). A host is changed with
 * {@code PUT /os-services/disable|enable|disable-log-reason} (and from 2.11 {@code force-down}) naming host and
 * binary. A disabled host gets no new servers (the scheduler's ComputeFilter), a forced-down one counts as down at
 * once (HostLiveness).
 */
@Path("/v2.1/os-services")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {
    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public ServiceResource(HostCatalog hosts, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @GET
    @io.strato.compute.api.QueryKeys({"host", "binary"})
    public Uni<ServiceView.Many> index(@QueryParam("host") String host, @QueryParam("binary") String binary) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.SERVICES_LIST, caller, Map.of());
        return hosts.all().map(all -> new ServiceView.Many(all.stream()
                .filter(h -> host == null || h.host().equals(host))
                .filter(h -> binary == null || binary.equals(HostViews.COMPUTE))
                .map(h -> ServiceView.of(h, version.get())).toList()));
    }

    /**
     * Before 2.53 {@code {action}} is disable, enable, disable-log-reason or (2.11) force-down, naming the host in the
     * body; from 2.53 it is the service's UUID and the body says {@code status}, {@code disabled_reason},
     * {@code forced_down}.
     */
    @PUT
    @Path("{action}")
    public Uni<Response> update(@PathParam("action") String action, ServiceUpdateBody body) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.SERVICES_UPDATE, caller, Map.of());
        JsonNode b = BodyRecords.json(body);
        if (version.atLeast(53)) {
            return hosts.byId(action, true).chain(h -> change(h.host(), b))
                    .map(h -> Response.ok(new ServiceView.One(ServiceView.of(h, version.get()))).build());
        }
        return legacy(action, b).map(c -> Response.ok(c).build());
    }

    /** 2.53: {@code {"status": "enabled"|"disabled", "disabled_reason", "forced_down"}}, at least one of status and forced_down. */
    private Uni<HostRow> change(String host, JsonNode b) {
        BodyFields.onlyKnown(b, Set.of("status", "disabled_reason", "forced_down"));
        JsonNode status = b.get("status");
        if (status == null && !b.has("forced_down")) {
            throw new InvalidInput("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        }
        if (status != null && !(status.isTextual() && Set.of("enabled", "disabled").contains(status.asText()))) {
            throw BodyFields.invalid("status", status, status + " is not one of ['enabled', 'disabled']");
        }
        String reason = BodyFields.name(b, "disabled_reason", 255, false);
        boolean enable = status != null && status.asText().equals("enabled");
        if (reason != null && (status == null || enable)) {
            throw new InvalidInput("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        }
        Uni<HostRow> result = status == null ? hosts.byName(host) : hosts.setEnabled(host, enable, reason);
        return b.has("forced_down") ? result.chain(() -> hosts.forceDown(host, forcedDown(b))) : result;
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.SERVICES_DELETE, caller, Map.of());
        return hosts.byId(id, version.atLeast(53))
                .onFailure(NotFound.class).transform(e -> new NotFound("Service " + id + " not found."))
                .flatMap(hosts::delete).map(v -> Response.noContent().build());
    }

    private Uni<ServiceView.ChangeOne> legacy(String action, JsonNode b) {
        Set<String> fields = switch (action) {
            case "enable", "disable" -> Set.of("host", "binary");
            case "disable-log-reason" -> Set.of("host", "binary", "disabled_reason");
            case "force-down" -> {
                if (!version.atLeast(11)) {
                    throw new NotFound("The resource could not be found.");
                }
                yield Set.of("host", "binary", "forced_down");
            }
            default -> throw new NotFound("Unknown action");
        };
        BodyFields.onlyKnown(b, fields);
        String host = BodyFields.name(b, "host", 255, true);
        String binary = BodyFields.name(b, "binary", 255, true);
        if (!binary.equals(HostViews.COMPUTE)) {
            throw new NotFound("Unknown service");
        }
        Uni<HostRow> done = switch (action) {
            case "enable" -> hosts.setEnabled(host, true, null);
            case "disable" -> hosts.setEnabled(host, false, null);
            case "disable-log-reason" -> hosts.setEnabled(host, false, BodyFields.name(b, "disabled_reason", 255, true));
            default -> hosts.forceDown(host, forcedDown(b));
        };
        if (action.equals("force-down")) {
            return done.map(h -> new ServiceView.ChangeOne(new ServiceView.Change(host, binary, null, null, h.forcedDown())));
        }
        return done.map(h -> new ServiceView.ChangeOne(new ServiceView.Change(host, binary, HostViews.status(h),
                action.equals("disable-log-reason") ? h.disabledReason() : null, null)));
    }

    private static boolean forcedDown(JsonNode b) {
        JsonNode v = b.get("forced_down");
        if (v == null) {
            throw new InvalidInput("Invalid input for field/attribute forced_down. Value: None. 'forced_down' is a required property");
        }
        return BodyFields.bool(b, "forced_down", false);
    }
}
