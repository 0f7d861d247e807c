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
 * Nova's os-volumes proxy (up to 2.35; 404 from 2.36) over volume-service with the caller's token: the project's
 * volumes (list and detail alike, {@code limit}/{@code offset}), one, create (200 with its Location), delete (202).
 */
@Path("/v2.1/os-volumes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VolumeProxyResource {
    static final int MAX_LIMIT = 1000;

    private final BlockStorageProxy volumes;
    private final ProxyAccess access;

    public VolumeProxyResource(BlockStorageProxy volumes, ProxyAccess access) {
        this.volumes = volumes;
        this.access = access;
    }

    @GET
    public Uni<VolumeView.Many> index(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                      @HeaderParam("X-Auth-Token") String token, @Context UriInfo uri) {
        Uni<VolumeView.Many> list = list(BlockStoragePolicies.LIST, limit, offset, token);
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
    public Uni<VolumeView.Many> detail(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                       @HeaderParam("X-Auth-Token") String token) {
        return list(BlockStoragePolicies.DETAIL, limit, offset, token);
    }

    @GET
    @Path("{id}")
    public Uni<VolumeView.One> show(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(BlockStoragePolicies.SHOW);
        return volumes.volume(caller.projectId(), id, token).map(VolumeView.One::new);
    }

    @POST
    public Uni<Response> create(VolumeBody body, @HeaderParam("X-Auth-Token") String token, @Context UriInfo uri) {
        Caller caller = access.allowed(BlockStoragePolicies.CREATE);
        var volume = BlockStorageRequest.volume(body == null ? null : body.volume(), body == null ? null : body.others());
        return volumes.createVolume(caller.projectId(), volume, token).map(v -> Response.ok(new VolumeView.One(v))
                .location(uri.getAbsolutePathBuilder().path(v.id()).build()).build());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(BlockStoragePolicies.DELETE);
        return volumes.deleteVolume(caller.projectId(), id, token).map(v -> Response.accepted().build());
    }

    private Uni<VolumeView.Many> list(String rule, String limit, String offset, String token) {
        Caller caller = access.allowed(rule);
        Pagination.Window window = Pagination.window(limit, offset, MAX_LIMIT);
        return volumes.volumes(caller.projectId(), token)
                .map(all -> new VolumeView.Many(window.of(all)));
    }
}
