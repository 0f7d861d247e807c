package io.strato.volume.services;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/** Cinder's os-services (admins): list with host and binary filters; enable, disable, disable-log-reason, freeze, thaw. */
@Path("/v3/{project_id}/os-services")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {
    private final VolumeServices services;
    private final Policy policy;
    private final CurrentCaller callers;

    public ServicesResource(VolumeServices services, Policy policy, CurrentCaller callers) {
        this.services = services;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<ServiceView.Many> list(@PathParam("project_id") String project, @QueryParam("host") String host,
                                      @QueryParam("binary") String binary) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.SERVICES_INDEX, Map.of());
        return services.list(host, binary).map(l -> new ServiceView.Many(l.stream().map(ServiceView::of).toList()));
    }

    @PUT
    @Path("{action}")
    public Uni<Response> update(@PathParam("project_id") String project, @PathParam("action") String action,
                                ServiceRequest body) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.SERVICES_UPDATE, Map.of());
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        return switch (action) {
            case "enable" -> changed(services.setDisabled(body.hostName(), body.binaryName(), false, null), true);
            case "disable" -> changed(services.setDisabled(body.hostName(), body.binaryName(), true, null), false);
            case "disable-log-reason" -> {
                String reason = body.disabledReason() == null || !body.disabledReason().isTextual() ? null
                        : body.disabledReason().asText();
                if (reason == null || reason.isBlank() || reason.length() > 255) {
                    throw new InvalidInput("Disabled reason contains invalid characters or is too long");
                }
                yield changed(services.setDisabled(body.hostName(), body.binaryName(), true, reason), true);
            }
            case "freeze" -> services.setFrozen(body.hostName(), true).map(v -> Response.ok().build());
            case "thaw" -> services.setFrozen(body.hostName(), false).map(v -> Response.ok().build());
            default -> throw new NotFound("Unknown action");
        };
    }

    private static Uni<Response> changed(Uni<VolumeServices.Service> change, boolean withReason) {
        return change.map(s -> Response.ok(new ServiceView.Changed(s.host(), s.binary(), s.binary(), s.disabled(),
                s.disabled() ? "disabled" : "enabled", withReason ? Optional.ofNullable(s.disabledReason()) : null)).build());
    }
}
