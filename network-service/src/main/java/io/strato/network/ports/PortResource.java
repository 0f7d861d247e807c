package io.strato.network.ports;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.web.Ids;
import io.strato.network.api.Bodies;
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
import java.util.Map;
import java.util.UUID;

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

    public PortResource(PortCreates creates, PortUpdates updates, PortDeletes deletes, PortQueries queries,
                        PortAccess access, CurrentCaller callers) {
        this.creates = creates;
        this.updates = updates;
        this.deletes = deletes;
        this.queries = queries;
        this.access = access;
        this.callers = callers;
    }

    @POST
    public Uni<Response> create(PortBody body) {
        Caller caller = callers.get();
        PortRequest request = PortRequest.create(Bodies.attributes(body, PortBody::port, "port"));
        return creates.create(caller, request)
                .map(s -> Response.status(201).entity(Map.of("port", view(caller, s))).build());
    }

    @GET
    public Uni<Map<String, Object>> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return queries.list(caller, request).map(found -> Lists.render("ports", found, s -> view(caller, s), request, uri));
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return queries.show(caller, pathId(id))
                .map(s -> Map.of("port", Lists.project(view(caller, s), request.fields())));
    }

    @PUT
    @Path("{id}")
    public Uni<Map<String, Object>> update(@PathParam("id") String id, PortBody body) {
        Caller caller = callers.get();
        PortRequest request = PortRequest.update(Bodies.attributes(body, PortBody::port, "port"));
        return updates.update(caller, pathId(id), request).map(s -> Map.of("port", view(caller, s)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return deletes.delete(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    private Map<String, Object> view(Caller caller, PortDetails d) {
        return PortView.of(d, access.isAdmin(caller));
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> Neutron.notFound("Port", id));
    }
}
