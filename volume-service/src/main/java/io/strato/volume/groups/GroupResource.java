package io.strato.volume.groups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Booleans;
import io.strato.volume.api.ApiVersion;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.policy.VolumePolicies;
import io.strato.volume.volumes.VolumeWorker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Cinder's generic volume groups (3.13; create from a source 3.14, reset_status 3.20). */
@Path("/v3/{project_id}/groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {
    private final GroupService service;
    private final VolumeWorker worker;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public GroupResource(GroupService service, VolumeWorker worker, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.service = service;
        this.worker = worker;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @POST
    public Uni<RestResponse<GroupView.Created>> create(@PathParam("project_id") String project, GroupRequest.Body body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE, GroupView.GROUPS);
        return service.create(caller, admin, RequestBodies.unwrap(body, GroupRequest.Body::group, "group"))
                .map(g -> RestResponse.status(Response.Status.ACCEPTED, new GroupView.Created(GroupView.Brief.of(g))));
    }

    @GET
    public Uni<GroupView.BriefMany> list(@PathParam("project_id") String project, @QueryParam("all_tenants") String allTenants) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ, GroupView.GROUPS);
        return service.list(caller, admin, Booleans.isTrue(allTenants))
                .map(l -> new GroupView.BriefMany(l.stream().map(GroupView.Brief::of).toList()));
    }

    @GET
    @Path("detail")
    public Uni<GroupView.Many> detail(@PathParam("project_id") String project, @QueryParam("all_tenants") String allTenants) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ, GroupView.GROUPS);
        return service.list(caller, admin, Booleans.isTrue(allTenants))
                .map(l -> new GroupView.Many(l.stream().map(g -> GroupView.of(g, version.minor(), null)).toList()));
    }

    @GET
    @Path("{id}")
    public Uni<GroupView.One> show(@PathParam("project_id") String project, @PathParam("id") String id,
                                   @QueryParam("list_volume") String listVolume) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ, GroupView.GROUPS);
        boolean members = version.atLeast(GroupView.LIST_VOLUME) && Booleans.isTrue(listVolume);
        return service.show(caller, admin, id).flatMap(g -> (members ? service.members(g.id) : Uni.createFrom().<List<java.util.UUID>>nullItem())
                .map(m -> new GroupView.One(GroupView.of(g, version.minor(), m))));
    }

    @PUT
    @Path("{id}")
    public Uni<Response> update(@PathParam("project_id") String project, @PathParam("id") String id, GroupRequest.Body body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE, GroupView.GROUPS);
        return service.update(caller, admin, id, RequestBodies.unwrap(body, GroupRequest.Body::group, "group"))
                .map(g -> Response.accepted().build());
    }

    /** {@code POST /groups/action} {@code {"create-from-src": {...}}} (3.14). */
    @POST
    @Path("action")
    public Uni<RestResponse<GroupView.Created>> createFromSource(@PathParam("project_id") String project,
                                                                 GroupRequest.SourceBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE, GroupView.GROUP_SNAPSHOTS);
        return service.createFromSource(caller, admin, RequestBodies.unwrap(body, GroupRequest.SourceBody::createFromSrc, "create-from-src"))
                .invoke(made -> GroupWork.whenDone("creating group " + made.group().id,
                        made.volumes().stream().map(v -> worker.create(v, null, null)).toList(),
                        () -> service.finishCreate(made.group().id)))
                .map(made -> RestResponse.status(Response.Status.ACCEPTED, new GroupView.Created(GroupView.Brief.of(made.group()))));
    }

    /** {@code POST /groups/{id}/action}: {@code delete} (with {@code delete-volumes}) or {@code reset_status} (3.20, admins). */
    @POST
    @Path("{id}/action")
    public Uni<Response> action(@PathParam("project_id") String project, @PathParam("id") String id,
                                GroupRequest.ActionBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE, GroupView.GROUPS);
        if (body == null || (body.delete() == null) == (body.resetStatus() == null)) {
            throw new InvalidInput("Invalid input received: the action body must be {\"delete\": {...}} or {\"reset_status\": {...}}.");
        }
        if (body.delete() != null) {
            boolean deleteVolumes = GroupService.flag(body.delete().deleteVolumes(), "delete-volumes");
            return service.delete(caller, admin, id, deleteVolumes)
                    .invoke(volumes -> volumes.forEach(worker::delete))
                    .map(v -> Response.accepted().build());
        }
        version.require(GroupView.GROUP_RESET);
        policy.enforce(VolumePolicies.GROUP_RESET_STATUS, caller, Map.of());
        var status = body.resetStatus().status();
        return service.resetStatus(caller, id, status == null || status.isNull() ? null : status.asText())
                .map(v -> Response.accepted().build());
    }

    private boolean check(Caller caller, String project, String rule, int minor) {
        version.require(minor);
        return ProjectPath.authorize(policy, caller, project, rule);
    }
}
