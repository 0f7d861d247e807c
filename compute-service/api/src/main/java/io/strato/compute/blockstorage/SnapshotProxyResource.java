package io.strato.compute.blockstorage;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.Pagination;
import io.strato.compute.api.ProxyAccess;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Nova's os-snapshots proxy (up to 2.35; 404 from 2.36) over volume-service with the caller's token: the project's
 * volume snapshots (list and detail alike, {@code limit}/{@code offset}), one, create (200), delete (202).
 */
@Path("/v2.1/os-snapshots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotProxyResource {
    private final BlockStorageProxy snapshots;
    private final ProxyAccess access;

    public SnapshotProxyResource(BlockStorageProxy snapshots, ProxyAccess access) {
        this.snapshots = snapshots;
        this.access = access;
    }

    @GET
    public Uni<SnapshotView.Many> index(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                        @HeaderParam("X-Auth-Token") String token, @Context UriInfo uri) {
        Uni<SnapshotView.Many> list = list(BlockStoragePolicies.SNAPSHOT_LIST, limit, offset, token);
        if (uri.getPath().endsWith("/")) {
            // Nova's routes have no empty id: the collection with a trailing slash is no resource
            throw new NotFound("The resource could not be found.");
        }
        return list;
    }

    /** Nova's routes have no DELETE of the collection (an empty id): 404, as Nova answers a route it lacks. */
    @DELETE
    public Response deleteWithoutId() {
        throw new NotFound("The resource could not be found.");
    }

    @GET
    @Path("detail")
    public Uni<SnapshotView.Many> detail(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                         @HeaderParam("X-Auth-Token") String token) {
        return list(BlockStoragePolicies.SNAPSHOT_DETAIL, limit, offset, token);
    }

    @GET
    @Path("{id}")
    public Uni<SnapshotView.One> show(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(BlockStoragePolicies.SNAPSHOT_SHOW);
        return snapshots.snapshot(caller.projectId(), id, token).map(SnapshotView.One::new);
    }

    @POST
    public Uni<SnapshotView.One> create(SnapshotBody body, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(BlockStoragePolicies.SNAPSHOT_CREATE);
        var snapshot = BlockStorageRequest.snapshot(body == null ? null : body.snapshot(), body == null ? null : body.others());
        return snapshots.createSnapshot(caller.projectId(), snapshot, token).map(SnapshotView.One::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(BlockStoragePolicies.SNAPSHOT_DELETE);
        return snapshots.deleteSnapshot(caller.projectId(), id, token).map(v -> Response.accepted().build());
    }

    private Uni<SnapshotView.Many> list(String rule, String limit, String offset, String token) {
        Caller caller = access.allowed(rule);
        Pagination.Window window = Pagination.window(limit, offset, VolumeProxyResource.MAX_LIMIT);
        return snapshots.snapshots(caller.projectId(), token)
                .map(all -> new SnapshotView.Many(window.of(all)));
    }
}
