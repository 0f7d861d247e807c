package io.strato.network.routers;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.web.Ids;
import io.strato.kit.rest.BodyRecords;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Neutron's {@code /v2.0/routers}: routers, their interfaces and static routes. */
@Path("/v2.0/routers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RouterResource {
    private final RouterService routers;
    private final RouterInterfaces interfaces;
    private final CurrentCaller callers;

    public RouterResource(RouterService routers, RouterInterfaces interfaces, CurrentCaller callers) {
        this.routers = routers;
        this.interfaces = interfaces;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = RouterView.One.class, responseCode = "201", responseDescription = "Created")
    public Uni<RouterView.One> create(RouterBody body) {
        Caller caller = callers.get();
        RouterRequest.Create request = RouterRequest.create(BodyRecords.wrapped(body, RouterBody::router, "router"));
        return routers.create(caller, request).map(v -> new RouterView.One(v));
    }

    @GET
    @FieldSelection
    public Uni<RouterView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return routers.list(caller, request)
                .map(views -> new RouterView.Many(views, Lists.next(views, RouterView::id, request, uri)));
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<RouterView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return routers.show(caller, pathId(id)).map(RouterView.One::new);
    }

    @PUT
    @Path("{id}")
    public Uni<RouterView.One> update(@PathParam("id") String id, RouterBody body) {
        Caller caller = callers.get();
        UUID router = pathId(id);
        RouterRequest.Update request = RouterRequest.update(BodyRecords.wrapped(body, RouterBody::router, "router"));
        return routers.update(caller, router, request).map(RouterView.One::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return routers.delete(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    @PUT
    @Path("{id}/add_router_interface")
    public Uni<RouterView.InterfaceInfo> addInterface(@PathParam("id") String id, RouterInterfaceBody body) {
        Caller caller = callers.get();
        UUID router = pathId(id);
        return interfaces.add(caller, router, RouterRequest.addInterface(BodyRecords.json(body)));
    }

    @PUT
    @Path("{id}/remove_router_interface")
    public Uni<RouterView.InterfaceInfo> removeInterface(@PathParam("id") String id, RouterInterfaceBody body) {
        Caller caller = callers.get();
        UUID router = pathId(id);
        return interfaces.remove(caller, router, RouterRequest.removeInterface(BodyRecords.json(body)));
    }

    @PUT
    @Path("{id}/add_extraroutes")
    public Uni<RouterView.One> addRoutes(@PathParam("id") String id, RouterBody body) {
        Caller caller = callers.get();
        UUID router = pathId(id);
        List<Map<String, String>> routes = RouterRequest.routes(BodyRecords.wrapped(body, RouterBody::router, "router"));
        return routers.addRoutes(caller, router, routes)
                .map(RouterView.One::new);
    }

    @PUT
    @Path("{id}/remove_extraroutes")
    public Uni<RouterView.One> removeRoutes(@PathParam("id") String id, RouterBody body) {
        Caller caller = callers.get();
        UUID router = pathId(id);
        List<Map<String, String>> routes = RouterRequest.routes(BodyRecords.wrapped(body, RouterBody::router, "router"));
        return routers.removeRoutes(caller, router, routes)
                .map(RouterView.One::new);
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> Neutron.notFound("Router", id));
    }
}
