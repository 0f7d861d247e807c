package io.strato.network.secgroups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.network.api.Bodies;
import io.strato.network.api.ListRequest;
import io.strato.network.api.Lists;
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
import java.util.Map;
import java.util.function.Function;

/** Neutron's security groups: {@code /v2.0/security-groups[/{id}]}. */
@Path("/v2.0/security-groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupResource {
    private final SecurityGroupService groups;
    private final CurrentCaller callers;

    public SecurityGroupResource(SecurityGroupService groups, CurrentCaller callers) {
        this.groups = groups;
        this.callers = callers;
    }

    @GET
    public Uni<Map<String, Object>> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return groups.list(caller, request)
                .map(items -> Lists.render("security_groups", items, Function.identity(), request, uri));
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return groups.show(caller, id).map(g -> Map.of("security_group", Lists.project(g, request.fields())));
    }

    @POST
    public Uni<Response> create(SecurityGroupBody body) {
        Caller caller = callers.get();
        GroupRequest request = GroupRequest.create(Bodies.attributes(body, SecurityGroupBody::securityGroup, "security_group"));
        return groups.create(caller, request)
                .map(g -> Response.status(201).entity(Map.of("security_group", g)).build());
    }

    @PUT
    @Path("{id}")
    public Uni<Map<String, Object>> update(@PathParam("id") String id, SecurityGroupBody body) {
        Caller caller = callers.get();
        GroupRequest request = GroupRequest.update(Bodies.attributes(body, SecurityGroupBody::securityGroup, "security_group"));
        return groups.update(caller, id, request).map(g -> Map.of("security_group", g));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return groups.delete(caller, id).map(v -> Response.noContent().build());
    }
}
