package io.strato.volume.quotas;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Booleans;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.policy.VolumePolicies;
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
import java.util.List;
import java.util.Map;

/**
 * Cinder's os-quota-sets and limits. Anyone reads their own project's quotas; admins read and set any
 * project's. Backups and groups do not exist here: their quotas are shown (as Cinder's defaults) so
 * clients that print them work, but cannot be set.
 */
@Path("/v3/{project_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QuotaResource {
    private final QuotaService service;
    private final Policy policy;
    private final CurrentCaller callers;

    public QuotaResource(QuotaService service, Policy policy, CurrentCaller callers) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    @Path("os-quota-sets/{target}")
    public Uni<QuotaView.One<?>> show(@PathParam("project_id") String project, @PathParam("target") String target,
                                      @QueryParam("usage") String usage) {
        readable(project, target);
        boolean withUsage = Booleans.isTrue(usage);
        return service.show(target).map(lu -> {
            if (!withUsage) {
                return new QuotaView.One<>(QuotaView.limits(target, lu.limits(), perType(lu)));
            }
            Map<String, QuotaView.Usage> perType = new LinkedHashMap<>();
            lu.perType().forEach((k, lim) -> perType.put(k, QuotaView.Usage.of(lim[0], lim[1])));
            return new QuotaView.One<>(QuotaView.usage(target, lu, perType));
        });
    }

    @GET
    @Path("os-quota-sets/{target}/defaults")
    public Uni<QuotaView.One<Long>> defaults(@PathParam("project_id") String project, @PathParam("target") String target) {
        readable(project, target);
        return service.defaults().map(d -> new QuotaView.One<>(QuotaView.limits(target, d, perTypeOf(d))));
    }

    @PUT
    @Path("os-quota-sets/{target}")
    public Uni<QuotaView.One<Long>> update(@PathParam("project_id") String project, @PathParam("target") String target,
                                           QuotaRequest body) {
        manager(project);
        Map<String, Long> changes = QuotaRequest.changes(RequestBodies.unwrap(body, QuotaRequest::quotaSet, "quota_set"));
        // Cinder's answer to an update has no id
        return service.set(target, changes).map(lu -> new QuotaView.One<>(QuotaView.limits(null, lu.limits(), perType(lu))));
    }

    /** Back to the defaults: 200 without a body, as Cinder. */
    @DELETE
    @Path("os-quota-sets/{target}")
    public Uni<Response> reset(@PathParam("project_id") String project, @PathParam("target") String target) {
        manager(project);
        return service.reset(target).map(v -> Response.ok().build());
    }

    /** Cinder's quota classes (admins): the {@code default} class holds every project's defaults. */
    @GET
    @Path("os-quota-class-sets/{class_name}")
    public Uni<QuotaView.ClassSet> showClass(@PathParam("project_id") String project, @PathParam("class_name") String name) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.QUOTA_CLASSES, Map.of());
        return service.quotaClass(className(name)).map(c -> new QuotaView.ClassSet(QuotaView.limits(name, c, perTypeOf(c))));
    }

    @PUT
    @Path("os-quota-class-sets/{class_name}")
    public Uni<QuotaView.ClassSet> updateClass(@PathParam("project_id") String project, @PathParam("class_name") String name,
                                               QuotaRequest.ClassBody body) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.QUOTA_CLASSES, Map.of());
        Map<String, Long> changes = QuotaRequest.changes(RequestBodies.unwrap(body, QuotaRequest.ClassBody::quotaClassSet,
                "quota_class_set"));
        // Cinder's answer to an update has no id
        return service.setClass(className(name), changes)
                .map(c -> new QuotaView.ClassSet(QuotaView.limits(null, c, perTypeOf(c))));
    }

    private static String className(String name) {
        if (name.isEmpty() || name.length() > 255) {
            throw new InvalidInput("Invalid input received: a quota class name has 1 to 255 characters.");
        }
        return name;
    }

    /** The per-type keys of a limits map (those that are not project-wide resources). */
    private static Map<String, Long> perTypeOf(Map<String, Long> limits) {
        Map<String, Long> out = new LinkedHashMap<>(limits);
        out.keySet().removeAll(VolumeQuota.RESOURCES);
        return out;
    }

    @GET
    @Path("limits")
    public Uni<QuotaView.Limits> limits(@PathParam("project_id") String project) {
        Caller caller = callers.get();
        readable(project, caller.projectId());
        return service.show(caller.projectId())
                .map(lu -> new QuotaView.Limits(new QuotaView.LimitsBody(List.of(), QuotaView.Absolute.of(lu))));
    }

    /** The per-type limits ({@code volumes_<type>}...) of every type. */
    private static Map<String, Long> perType(QuotaService.LimitsAndUsage lu) {
        Map<String, Long> out = new LinkedHashMap<>();
        lu.perType().forEach((k, lim) -> out.put(k, lim[0]));
        return out;
    }

    private void readable(String project, String target) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.READ);
        if (!admin && !target.equals(caller.projectId())) {
            throw new Forbidden("Policy doesn't allow volume_extension:quotas:show to be performed.");
        }
    }

    private void manager(String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.UPDATE_QUOTA, Map.of());
    }
}
