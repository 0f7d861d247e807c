package io.strato.network.ports;

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

/** Neutron's {@code /v2.0/ports}. */
@Path("/v2.0/ports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PortResource {
    private final PortCreates creates;
    private final PortUpdates updates;
    private final PortDeletes deletes;
    private final PortQueries queries;
    private final PortAccess access;
    private final CurrentCaller callers;

    public PortResource(PortCreates creates, PortUpdates updates, PortDeletes deletes,
                        PortQueries queries, PortAccess access, CurrentCaller callers) {
        this.creates = creates;
        this.updates = updates;
        this.deletes = deletes;
        this.queries = queries;
        this.access = access;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = PortView.One.class, responseCode = "201",
            responseDescription = "Created (a bulk create answers {\"ports\": [...]})")
    public Uni<Record> create(PortBody body) {
        Caller caller = callers.get();
        if (body != null && body.port() == null && body.ports() != null) {
            List<PortRequest> requests = BulkCreate.requests(body.ports(), "port",
                    p -> PortRequest.create(BodyRecords.wrapped(new PortBody(p, null), PortBody::port, "port")));
            return BulkCreate.all(requests, r -> creates.create(caller, r), d -> deletes.delete(caller, d.port().id),
                            d -> "port " + d.port().id)
                    .map(made -> new PortView.Many(made.stream().map(d -> view(caller, d)).toList(), null));
        }
        PortRequest request = PortRequest.create(BodyRecords.wrapped(body, PortBody::port, "port"));
        return creates.create(caller, request)
                .map(s -> new PortView.One(view(caller, s)));
    }

    @GET
    @FieldSelection
    public Uni<PortView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return queries.list(caller, request).map(found -> {
            List<PortView> views = found.stream().map(s -> view(caller, s)).toList();
            return new PortView.Many(views, Lists.next(views, PortView::id, request, uri));
        });
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<PortView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return queries.show(caller, pathId(id)).map(s -> new PortView.One(view(caller, s)));
    }

    @PUT
    @Path("{id}")
    public Uni<PortView.One> update(@PathParam("id") String id, PortBody body) {
        Caller caller = callers.get();
        PortRequest request = PortRequest.update(BodyRecords.wrapped(body, PortBody::port, "port"));
        return updates.update(caller, pathId(id), request).map(s -> new PortView.One(view(caller, s)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return deletes.delete(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    private PortView view(Caller caller, PortDetails d) {
        return PortView.of(d, access.isAdmin(caller));
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> Neutron.notFound("Port", id));
    }
}
