package io.strato.compute.clients;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The part of image-service's Glance v2 API compute-service uses. Answers are read raw (see {@link Remote}). */
@Path("/v2/images")
@Produces(MediaType.APPLICATION_JSON)
public interface GlanceApi {
    /** Glance's JSON-patch media type for an image update. */
    String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";

    @GET
    @Path("{id}")
    Uni<Response> image(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    /** A page of images; {@code instance_uuid} and {@code image_type} are property filters. */
    @GET
    Uni<Response> images(@QueryParam("name") String name, @QueryParam("status") String status,
                         @QueryParam("min_ram") String minRam, @QueryParam("min_disk") String minDisk,
                         @QueryParam("instance_uuid") String instanceUuid, @QueryParam("image_type") String imageType,
                         @QueryParam("limit") String limit, @QueryParam("marker") String marker,
                         @HeaderParam("X-Auth-Token") String token);

    /** Creates an image record (queued, no data): Glance's attributes and free-form properties in one object. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(String image, @HeaderParam("X-Auth-Token") String token);

    /** Shares the image with a project ({@code {"member": project}}). */
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> addMember(@PathParam("id") String id, String member, @HeaderParam("X-Auth-Token") String token);

    @DELETE
    @Path("{id}")
    Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    /** A JSON-patch ({@code [{"op", "path", "value"}]}) of the image's properties. */
    @PATCH
    @Path("{id}")
    @Consumes(PATCH_TYPE)
    Uni<Response> patch(@PathParam("id") String id, String patch, @HeaderParam("X-Auth-Token") String token);
}
