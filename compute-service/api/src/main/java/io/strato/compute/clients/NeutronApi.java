package io.strato.compute.clients;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The part of network-service's Neutron API compute-service uses. Bodies are JSON text; answers are read raw. */
@Path("/v2.0")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NeutronApi {

    @GET
    @Path("networks/{id}")
    Uni<Response> network(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("networks")
    Uni<Response> networks(@QueryParam("project_id") String projectId, @QueryParam("shared") String shared,
                           @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("security-groups/{id}")
    Uni<Response> securityGroup(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("security-groups")
    Uni<Response> securityGroups(@QueryParam("name") String name, @QueryParam("project_id") String projectId,
                                 @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("ports/{id}")
    Uni<Response> port(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("ports")
    Uni<Response> portsOfDevice(@QueryParam("device_id") String deviceId, @HeaderParam("X-Auth-Token") String token);

    @POST
    @Path("ports")
    Uni<Response> createPort(String body, @HeaderParam("X-Auth-Token") String token);

    @PUT
    @Path("ports/{id}")
    Uni<Response> updatePort(@PathParam("id") String id, String body, @HeaderParam("X-Auth-Token") String token);

    @DELETE
    @Path("ports/{id}")
    Uni<Response> deletePort(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("floatingips")
    Uni<Response> floatingIpsAt(@QueryParam("floating_ip_address") String address,
                                @HeaderParam("X-Auth-Token") String token);

    @PUT
    @Path("floatingips/{id}")
    Uni<Response> updateFloatingIp(@PathParam("id") String id, String body, @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("security-groups")
    Uni<Response> securityGroupsOfProject(@QueryParam("tenant_id") String tenantId,
                                          @HeaderParam("X-Auth-Token") String token);

    @POST
    @Path("security-groups")
    Uni<Response> createSecurityGroup(String body, @HeaderParam("X-Auth-Token") String token);

    @PUT
    @Path("security-groups/{id}")
    Uni<Response> updateSecurityGroup(@PathParam("id") String id, String body, @HeaderParam("X-Auth-Token") String token);

    @DELETE
    @Path("security-groups/{id}")
    Uni<Response> deleteSecurityGroup(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @POST
    @Path("security-group-rules")
    Uni<Response> createSecurityGroupRule(String body, @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("security-group-rules/{id}")
    Uni<Response> securityGroupRule(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @DELETE
    @Path("security-group-rules/{id}")
    Uni<Response> deleteSecurityGroupRule(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("floatingips")
    Uni<Response> floatingIpsOfProject(@QueryParam("tenant_id") String tenantId,
                                       @HeaderParam("X-Auth-Token") String token);

    @GET
    @Path("floatingips/{id}")
    Uni<Response> floatingIp(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    @POST
    @Path("floatingips")
    Uni<Response> createFloatingIp(String body, @HeaderParam("X-Auth-Token") String token);

    @DELETE
    @Path("floatingips/{id}")
    Uni<Response> deleteFloatingIp(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token);

    /** External networks (floating IP pools), all of them or those with a name. */
    @GET
    @Path("networks")
    Uni<Response> externalNetworks(@QueryParam("router:external") String external, @QueryParam("name") String name,
                                   @HeaderParam("X-Auth-Token") String token);
}
