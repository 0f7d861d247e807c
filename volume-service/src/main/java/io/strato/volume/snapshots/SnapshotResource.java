package io.strato.volume.snapshots;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.volume.api.ApiVersion;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.List;
import java.util.Map;

/** Cinder's snapshots: create, list (brief and detail), show, update, delete (metadata: {@link io.strato.volume.metadata.MetadataResource}). */
@Path("/v3/{project_id}/snapshots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {
    private final SnapshotService service;
    private final SnapshotWorker worker;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public SnapshotResource(SnapshotService service, SnapshotWorker worker, Policy policy, CurrentCaller callers,
                            ApiVersion version) {
        this.version = version;
        this.service = service;
        this.worker = worker;
        this.policy = policy;
        this.callers = callers;
    }

    @POST
    public Uni<RestResponse<SnapshotView.One>> create(@PathParam("project_id") String project, SnapshotRequest.CreateBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        return service.create(caller, admin, RequestBodies.unwrap(body, SnapshotRequest.CreateBody::snapshot, "snapshot"))
                .invoke(worker::create)
                .map(s -> RestResponse.status(Response.Status.ACCEPTED, new SnapshotView.One(SnapshotView.of(s, SnapshotView.Keys.written(version.minor())))));
    }

    @GET
    public Uni<SnapshotView.Many> list(@PathParam("project_id") String project, @Context UriInfo uri) {
        return listed(project, uri).map(l -> many(l, SnapshotView.Keys.SUMMARY));
    }

    @GET
    @Path("detail")
    public Uni<SnapshotView.Many> detail(@PathParam("project_id") String project, @Context UriInfo uri) {
        return listed(project, uri).map(l -> many(l, SnapshotView.Keys.shown(version.minor())));
    }

    @GET
    @Path("{id}")
    public Uni<SnapshotView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return service.visible(caller, admin, id)
                .map(s -> new SnapshotView.One(SnapshotView.of(s, SnapshotView.Keys.shown(version.minor()))));
    }

    @PUT
    @Path("{id}")
    public Uni<SnapshotView.One> update(@PathParam("project_id") String project, @PathParam("id") String id,
                                        SnapshotRequest.UpdateBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        return service.update(caller, admin, id, RequestBodies.unwrap(body, SnapshotRequest.UpdateBody::snapshot, "snapshot"))
                .map(s -> new SnapshotView.One(SnapshotView.of(s, SnapshotView.Keys.written(version.minor()))));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        return service.delete(caller, admin, id).invoke(s -> worker.delete(s.id)).map(s -> Response.accepted().build());
    }

    /** Cinder's snapshot actions: os-reset_status, os-update_snapshot_status and os-force_delete, each a 202. */
    @POST
    @Path("{id}/action")
    public Uni<Response> action(@PathParam("project_id") String project, @PathParam("id") String id,
                                SnapshotRequest.ActionBody body) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        int given = (body.resetStatus() != null ? 1 : 0) + (body.updateStatus() != null ? 1 : 0)
                + (body.forceDelete() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInput("The action body must name exactly one of os-reset_status, os-update_snapshot_status"
                    + " and os-force_delete.");
        }
        Uni<?> done;
        if (body.resetStatus() != null) {
            policy.enforce(VolumePolicies.SNAPSHOT_RESET_STATUS, caller, Map.of());
            done = service.resetStatus(caller, id, text(body.resetStatus(), "status"));
        } else if (body.updateStatus() != null) {
            policy.enforce(VolumePolicies.SNAPSHOT_UPDATE_STATUS, caller, Map.of("project_id", project));
            done = service.updateStatus(caller, admin, id, text(body.updateStatus(), "status"),
                    text(body.updateStatus(), "progress"));
        } else {
            policy.enforce(VolumePolicies.SNAPSHOT_FORCE_DELETE, caller, Map.of());
            done = service.forceDelete(caller, id).invoke(s -> worker.delete(s.id));
        }
        return done.map(x -> Response.accepted().build());
    }

    /** A string field of an action's arguments, or null when absent; another JSON type is a 400. */
    private static String text(JsonNode args, String field) {
        JsonNode n = args.isObject() ? args.get(field) : null;
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ": must be a string.");
        }
        return n.asText();
    }

    /** The caller's snapshots (every project's for an admin asking all_tenants), filtered, sorted and paged. */
    private Uni<List<Snapshot>> listed(String project, UriInfo uri) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return service.list(caller, admin, SnapshotListing.of(uri.getQueryParameters(), version.minor()));
    }

    private boolean check(Caller caller, String project, String operation) {
        return ProjectPath.authorize(policy, caller, project, operation);
    }

    private static SnapshotView.Many many(List<Snapshot> snapshots, SnapshotView.Keys keys) {
        return new SnapshotView.Many(snapshots.stream().map(s -> SnapshotView.of(s, keys)).toList());
    }
}
