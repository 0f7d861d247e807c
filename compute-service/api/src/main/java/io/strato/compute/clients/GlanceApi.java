package io.strato.compute.clients;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The part of image-service's Glance v2 API compute-service reads. Answers are read raw (see {@link Remote}). */
@Path("/v2/images")
@Produces(MediaType.APPLICATION_JSON)
public interface GlanceApi {

    @GET
    @Path("{id}")
    Uni<Response> image(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);
}
