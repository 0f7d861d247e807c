package io.strato.compute.clients;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The part of volume-service's Cinder v3 API compute-service uses: the attachments API (microversion 3.27,
 * os-complete 3.44). The path project is the server's. Bodies are JSON text; answers are read raw.
 */
@Path("/v3/{project_id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CinderApi {
    /** The microversion every call asks for. */
    String VERSION = "volume 3.44";

    @POST
    Uni<Response> create(@PathParam("project_id") String projectId, String body,
                         @HeaderParam("X-Auth-Token") String token,
                         @HeaderParam("OpenStack-API-Version") String version);

    @PUT
    @Path("{id}")
    Uni<Response> update(@PathParam("project_id") String projectId, @PathParam("id") String id, String body,
                         @HeaderParam("X-Auth-Token") String token,
                         @HeaderParam("OpenStack-API-Version") String version);

    @POST
    @Path("{id}/action")
    Uni<Response> action(@PathParam("project_id") String projectId, @PathParam("id") String id, String body,
                         @HeaderParam("X-Auth-Token") String token,
                         @HeaderParam("OpenStack-API-Version") String version);

    @DELETE
    @Path("{id}")
    Uni<Response> delete(@PathParam("project_id") String projectId, @PathParam("id") String id,
                         @HeaderParam("X-Auth-Token") String token,
                         @HeaderParam("OpenStack-API-Version") String version);
}
