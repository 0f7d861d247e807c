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
import io.strato.volume.snapshots.SnapshotWorker;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Cinder's group snapshots (3.14; reset_status 3.19). */
@Path("/v3/{project_id}/group_snapshots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GroupSnapshotResource {
    private final GroupSnapshotService service;
    private final SnapshotWorker worker;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public GroupSnapshotResource(GroupSnapshotService service, SnapshotWorker worker, Policy policy, CurrentCaller callers,
                                 ApiVersion version) {
        this.service = service;
        this.worker = worker;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @POST
    public Uni<RestResponse<GroupSnapshotView.Created>> create(@PathParam("project_id") String project,
                                                               GroupRequest.SnapshotBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        return service.create(caller, admin, RequestBodies.unwrap(body, GroupRequest.SnapshotBody::groupSnapshot, "group_snapshot"))
                .invoke(taken -> GroupWork.whenDone("creating group snapshot " + taken.groupSnapshot().id,
                        taken.snapshots().stream().map(worker::create).toList(),
                        () -> service.finishCreate(taken.groupSnapshot().id)))
                .map(taken -> RestResponse.status(Response.Status.ACCEPTED, GroupSnapshotView.created(taken.groupSnapshot())));
    }

    @GET
    public Uni<GroupSnapshotView.BriefMany> list(@PathParam("project_id") String project, @QueryParam("all_tenants") String allTenants) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return service.list(caller, admin, Booleans.isTrue(allTenants))
                .map(l -> new GroupSnapshotView.BriefMany(l.stream().map(GroupSnapshotView::brief).toList()));
    }

    @GET
    @Path("detail")
    public Uni<GroupSnapshotView.Many> detail(@PathParam("project_id") String project, @QueryParam("all_tenants") String allTenants) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return service.list(caller, admin, Booleans.isTrue(allTenants))
                .map(l -> new GroupSnapshotView.Many(l.stream().map(GroupSnapshotView::of).toList()));
    }

    @GET
    @Path("{id}")
    public Uni<GroupSnapshotView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return service.show(caller, admin, id).map(gs -> new GroupSnapshotView.One(GroupSnapshotView.of(gs)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        return service.delete(caller, admin, id).invoke(ids -> ids.forEach(worker::delete))
                .map(v -> Response.accepted().build());
    }

    /** {@code POST /group_snapshots/{id}/action} {@code {"reset_status": {"status": ...}}} (3.19, admins). */
    @POST
    @Path("{id}/action")
    public Uni<Response> action(@PathParam("project_id") String project, @PathParam("id") String id,
                                GroupRequest.SnapshotActionBody body) {
        Caller caller = callers.get();
        check(caller, project, VolumePolicies.WRITE);
        if (body == null || body.resetStatus() == null) {
            throw new InvalidInput("Invalid input received: the action body must be {\"reset_status\": {\"status\": ...}}.");
        }
        version.require(GroupView.GROUP_SNAPSHOT_RESET);
        policy.enforce(VolumePolicies.GROUP_SNAPSHOT_RESET_STATUS, caller, Map.of());
        var status = body.resetStatus().status();
        return service.resetStatus(caller, id, status == null || status.isNull() ? null : status.asText())
                .map(v -> Response.accepted().build());
    }

    private boolean check(Caller caller, String project, String rule) {
        version.require(GroupView.GROUP_SNAPSHOTS);
        return ProjectPath.authorize(policy, caller, project, rule);
    }
}
