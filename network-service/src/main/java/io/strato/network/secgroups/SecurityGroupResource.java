package io.strato.network.secgroups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.rest.BodyRecords;
import io.strato.network.api.FieldSelection;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

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
    @FieldSelection
    public Uni<SecurityGroupView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return groups.list(caller, request)
                .map(views -> new SecurityGroupView.Many(views, Lists.next(views, SecurityGroupView::id, request, uri)));
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<SecurityGroupView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return groups.show(caller, id).map(SecurityGroupView.One::new);
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = SecurityGroupView.One.class, responseCode = "201", responseDescription = "Created")
    public Uni<SecurityGroupView.One> create(SecurityGroupBody body) {
        Caller caller = callers.get();
        GroupRequest request = GroupRequest.create(BodyRecords.wrapped(body, SecurityGroupBody::securityGroup, "security_group"));
        return groups.create(caller, request)
                .map(g -> new SecurityGroupView.One(g));
    }

    @PUT
    @Path("{id}")
    public Uni<SecurityGroupView.One> update(@PathParam("id") String id, SecurityGroupBody body) {
        Caller caller = callers.get();
        GroupRequest request = GroupRequest.update(BodyRecords.wrapped(body, SecurityGroupBody::securityGroup, "security_group"));
        return groups.update(caller, id, request).map(SecurityGroupView.One::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return groups.delete(caller, id).map(v -> Response.noContent().build());
    }
}
