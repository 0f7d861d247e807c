package io.strato.network.subnetpools;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.web.Ids;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Neutron's {@code /v2.0/subnetpools} (subnet_allocation). */
@Path("/v2.0/subnetpools")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SubnetPoolResource {
    private final SubnetPoolService service;
    private final CurrentCaller callers;

    public SubnetPoolResource(SubnetPoolService service, CurrentCaller callers) {
        this.service = service;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = SubnetPoolView.One.class, responseCode = "201", responseDescription = "Created")
    public Uni<SubnetPoolView.One> create(SubnetPoolBody body) {
        Caller caller = callers.get();
        SubnetPoolRequest request = SubnetPoolRequest.create(BodyRecords.wrapped(body, SubnetPoolBody::subnetpool, "subnetpool"));
        return service.create(caller, request).map(p -> new SubnetPoolView.One(SubnetPoolView.of(p)));
    }

    @GET
    @FieldSelection
    public Uni<SubnetPoolView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return service.list(caller, request).map(found -> {
            List<SubnetPoolView> views = found.stream().map(SubnetPoolView::of).toList();
            return new SubnetPoolView.Many(views, Lists.next(views, SubnetPoolView::id, request, uri));
        });
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<SubnetPoolView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return service.show(caller, pathId(id)).map(p -> new SubnetPoolView.One(SubnetPoolView.of(p)));
    }

    @PUT
    @Path("{id}")
    public Uni<SubnetPoolView.One> update(@PathParam("id") String id, SubnetPoolBody body) {
        Caller caller = callers.get();
        SubnetPoolRequest request = SubnetPoolRequest.update(BodyRecords.wrapped(body, SubnetPoolBody::subnetpool, "subnetpool"));
        return service.update(caller, pathId(id), request).map(p -> new SubnetPoolView.One(SubnetPoolView.of(p)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return service.delete(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> SubnetPoolService.notFound(id));
    }
}
