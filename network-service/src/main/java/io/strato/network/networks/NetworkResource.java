package io.strato.network.networks;

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

/** Neutron's {@code /v2.0/networks}. */
@Path("/v2.0/networks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {
    private final NetworkService service;
    private final CurrentCaller callers;

    public NetworkResource(NetworkService service, CurrentCaller callers) {
        this.service = service;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = NetworkView.One.class, responseCode = "201", responseDescription = "Created (a bulk create answers {\"networks\": [...]})")
    public Uni<Record> create(NetworkBody body) {
        Caller caller = callers.get();
        if (body != null && body.network() == null && body.networks() != null) {
            List<NetworkRequest> requests = BulkCreate.requests(body.networks(), "network", n ->
                    NetworkRequest.create(BodyRecords.wrapped(new NetworkBody(n, null), NetworkBody::network, "network")));
            return BulkCreate.all(requests, r -> service.create(caller, r), s -> service.delete(caller, s.network().id),
                            s -> "network " + s.network().id)
                    .map(made -> new NetworkView.Many(made.stream().map(s -> view(caller, s)).toList(), null));
        }
        NetworkRequest request = NetworkRequest.create(BodyRecords.wrapped(body, NetworkBody::network, "network"));
        return service.create(caller, request)
                .map(s -> new NetworkView.One(view(caller, s)));
    }

    @GET
    @FieldSelection
    public Uni<NetworkView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return service.list(caller, request).map(found -> {
            List<NetworkView> views = found.stream().map(s -> view(caller, s)).toList();
            return new NetworkView.Many(views, Lists.next(views, NetworkView::id, request, uri));
        });
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<NetworkView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return service.show(caller, pathId(id)).map(s -> new NetworkView.One(view(caller, s)));
    }

    @PUT
    @Path("{id}")
    public Uni<NetworkView.One> update(@PathParam("id") String id, NetworkBody body) {
        Caller caller = callers.get();
        NetworkRequest request = NetworkRequest.update(BodyRecords.wrapped(body, NetworkBody::network, "network"));
        return service.update(caller, pathId(id), request).map(s -> new NetworkView.One(view(caller, s)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return service.delete(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    private NetworkView view(Caller caller, NetworkService.Shown s) {
        return NetworkView.of(s.network(), s.subnets(), service.isAdmin(caller));
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> Neutron.notFound("Network", id));
    }
}
