package io.strato.network.subnets;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.web.Ids;
import io.strato.kit.rest.BodyRecords;
import io.strato.network.api.BulkCreate;
import io.strato.network.api.FieldSelection;
import io.strato.network.api.ListRequest;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
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

/** Neutron's {@code /v2.0/subnets}. */
@Path("/v2.0/subnets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SubnetResource {
    private final SubnetService service;
    private final CurrentCaller callers;

    public SubnetResource(SubnetService service, CurrentCaller callers) {
        this.service = service;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = SubnetView.One.class, responseCode = "201", responseDescription = "Created (a bulk create answers {\"subnets\": [...]})")
    public Uni<Record> create(SubnetBody body) {
        Caller caller = callers.get();
        if (body != null && body.subnet() == null && body.subnets() != null) {
            List<SubnetRequest> requests = BulkCreate.requests(body.subnets(), "subnet", n ->
                    SubnetRequest.create(BodyRecords.wrapped(new SubnetBody(n, null), SubnetBody::subnet, "subnet")));
            return BulkCreate.all(requests, r -> service.create(caller, r), s -> service.delete(caller, s.id),
                            s -> "subnet " + s.id)
                    .map(made -> new SubnetView.Many(made.stream().map(SubnetView::of).toList(), null));
        }
        SubnetRequest request = SubnetRequest.create(BodyRecords.wrapped(body, SubnetBody::subnet, "subnet"));
        return service.create(caller, request)
                .map(s -> new SubnetView.One(SubnetView.of(s)));
    }

    @GET
    @FieldSelection
    public Uni<SubnetView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return service.list(caller, request).map(found -> {
            List<SubnetView> views = found.stream().map(SubnetView::of).toList();
            return new SubnetView.Many(views, Lists.next(views, SubnetView::id, request, uri));
        });
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<SubnetView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return service.show(caller, pathId(id)).map(s -> new SubnetView.One(SubnetView.of(s)));
    }

    @PUT
    @Path("{id}")
    public Uni<SubnetView.One> update(@PathParam("id") String id, SubnetBody body) {
        Caller caller = callers.get();
        SubnetRequest request = SubnetRequest.update(BodyRecords.wrapped(body, SubnetBody::subnet, "subnet"));
        return service.update(caller, pathId(id), request).map(s -> new SubnetView.One(SubnetView.of(s)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return service.delete(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> Neutron.notFound("Subnet", id));
    }
}
