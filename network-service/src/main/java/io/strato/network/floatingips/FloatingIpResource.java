package io.strato.network.floatingips;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

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
    @ResponseStatus(201)
    @APIResponseSchema(value = FloatingIpView.One.class, responseCode = "201", responseDescription = "Created")
    public Uni<FloatingIpView.One> create(FloatingIpBody body) {
        Caller caller = callers.get();
        FloatingIpRequest.Create request = FloatingIpRequest.create(BodyRecords.wrapped(body, FloatingIpBody::floatingip, "floatingip"));
        return fips.create(caller, request).map(v -> new FloatingIpView.One(v));
    }

    @GET
    @FieldSelection
    public Uni<FloatingIpView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return fips.list(caller, request)
                .map(views -> new FloatingIpView.Many(views, Lists.next(views, FloatingIpView::id, request, uri)));
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<FloatingIpView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return fips.show(caller, pathId(id)).map(FloatingIpView.One::new);
    }

    @PUT
    @Path("{id}")
    public Uni<FloatingIpView.One> update(@PathParam("id") String id, FloatingIpBody body) {
        Caller caller = callers.get();
        UUID fip = pathId(id);
        FloatingIpRequest.Update request = FloatingIpRequest.update(BodyRecords.wrapped(body, FloatingIpBody::floatingip, "floatingip"));
        return fips.update(caller, fip, request).map(FloatingIpView.One::new);
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
