package io.strato.network.floatingips;

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
import java.util.function.Function;

/** Neutron's {@code /v2.0/floatingips}. */
@Path("/v2.0/floatingips")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FloatingIpResource {
    private final FloatingIpService fips;
    private final CurrentCaller callers;

    public FloatingIpResource(FloatingIpService fips, CurrentCaller callers) {
        this.fips = fips;
        this.callers = callers;
    }

    @POST
    public Uni<Response> create(FloatingIpBody body) {
        Caller caller = callers.get();
        FloatingIpRequest.Create request = FloatingIpRequest.create(Bodies.attributes(body, FloatingIpBody::floatingip, "floatingip"));
        return fips.create(caller, request).map(v -> Response.status(201).entity(Map.of("floatingip", v)).build());
    }

    @GET
    public Uni<Map<String, Object>> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return fips.list(caller, request).map(views -> Lists.render("floatingips", views, Function.identity(), request, uri));
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return fips.show(caller, pathId(id)).map(v -> Map.of("floatingip", Lists.project(v, request.fields())));
    }

    @PUT
    @Path("{id}")
    public Uni<Map<String, Object>> update(@PathParam("id") String id, FloatingIpBody body) {
        Caller caller = callers.get();
        UUID fip = pathId(id);
        FloatingIpRequest.Update request = FloatingIpRequest.update(Bodies.attributes(body, FloatingIpBody::floatingip, "floatingip"));
        return fips.update(caller, fip, request).map(v -> Map.of("floatingip", v));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return fips.delete(caller, pathId(id)).map(v -> Response.noContent().build());
    }

    private static UUID pathId(String id) {
        return Ids.orNotFound(id, () -> Neutron.notFound("Floating IP", id));
    }
}
