package io.strato.compute.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.JsonBody;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Nova's os-services for the nova-compute service of every compute host (admins only). Before 2.53 a host is
 * changed with {@code PUT /os-services/disable|enable|disable-log-reason|force-down} naming host and binary;
 * from 2.53 with {@code PUT /os-services/{uuid}}. A disabled host gets no new servers (the scheduler's
 * ComputeFilter), a forced-down one counts as down at once.
 */
@Path("/v2.1/os-services")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {
    private final HostCatalog hosts;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final JsonBody json;

    public ServiceResource(HostCatalog hosts, Policy policy, CurrentCaller callers, ApiVersion version, JsonBody json) {
        this.hosts = hosts;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.json = json;
    }

    @GET
    public Uni<Map<String, Object>> index(@QueryParam("host") String host, @QueryParam("binary") String binary) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.SERVICES_LIST, caller, Map.of());
        int minor = version.get().minor();
        return hosts.all().map(all -> Map.of("services", all.stream()
                .filter(h -> host == null || h.host().equals(host))
                .filter(h -> binary == null || binary.equals(HostViews.COMPUTE))
                .map(h -> HostViews.service(h, minor)).toList()));
    }

    /** Before 2.53 {@code {action}} is disable, enable, disable-log-reason or force-down; from 2.53 a service UUID. */
    @PUT
    @Path("{action}")
    public Uni<Map<String, Object>> update(@PathParam("action") String action, String body) {
        Caller caller = callers.get();
        policy.enforce(HostPolicies.SERVICES_UPDATE, caller, Map.of());
        JsonNode b = json.object(body);
        int minor = version.get().minor();
        if (minor >= 53) {
            return hosts.byId(action, true).flatMap(h -> change(h.host(), b))
                    .map(h -> Map.of("service", HostViews.service(h, minor)));
        }
        return legacy(action, b, minor);
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

    private Uni<Map<String, Object>> legacy(String action, JsonNode b, int minor) {
        Set<String> fields = switch (action) {
            case "enable", "disable" -> Set.of("host", "binary");
            case "disable-log-reason" -> Set.of("host", "binary", "disabled_reason");
            case "force-down" -> {
                if (minor < 11) {
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", host);
        out.put("binary", binary);
        Uni<HostRow> done = switch (action) {
            case "enable" -> hosts.setEnabled(host, true, null);
            case "disable" -> hosts.setEnabled(host, false, null);
            case "disable-log-reason" -> hosts.setEnabled(host, false, BodyFields.name(b, "disabled_reason", 255, true));
            default -> hosts.forceDown(host, forcedDown(b));
        };
        return done.map(h -> {
            if (action.equals("force-down")) {
                out.put("forced_down", h.forcedDown());
            } else {
                out.put("status", HostViews.status(h));
                if (action.equals("disable-log-reason")) {
                    out.put("disabled_reason", h.disabledReason());
                }
            }
            return Map.of("service", out);
        });
    }

    /** 2.53: {@code {"status", "disabled_reason", "forced_down"}}. */
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

    private static boolean forcedDown(JsonNode b) {
        if (!b.has("forced_down")) {
            throw new InvalidInput("Invalid input for field/attribute forced_down. Value: None. 'forced_down' is a required property");
        }
        return BodyFields.bool(b, "forced_down", false);
    }
}
