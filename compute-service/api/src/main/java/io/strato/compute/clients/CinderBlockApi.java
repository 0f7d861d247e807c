package io.strato.compute.clients;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The volumes and snapshots of volume-service's Cinder v3 API, as Nova's os-volumes and os-snapshots proxies call
 * them with the caller's token ({@code collection} is {@code volumes} or {@code snapshots}). Answers are read raw.
 */
@Path("/v3/{project_id}/{collection}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CinderBlockApi {
    @GET
    @Path("detail")
    Uni<Response> list(@PathParam("project_id") String projectId, @PathParam("collection") String collection,
                       @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("{id}")
    Uni<Response> show(@PathParam("project_id") String projectId, @PathParam("collection") String collection,
                       @PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @POST
    Uni<Response> create(@PathParam("project_id") String projectId, @PathParam("collection") String collection,
                         String body, @HeaderParam("X-Auth-Token") String token);

    @DELETE
    @Path("{id}")
    Uni<Response> delete(@PathParam("project_id") String projectId, @PathParam("collection") String collection,
                         @PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);
}
