package io.strato.volume.transfers;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Paging;
import io.strato.volume.api.ListOrder;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/** Cinder's volume transfers at 3.0 ({@code os-volume-transfer}): create, list, detail, show, accept, delete. */
@Path("/v3/{project_id}/os-volume-transfer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {
    private static final int MAX_LIMIT = 1000;
    /** Query parameters that page or scope the list; every other one filters it. */
    private static final Set<String> NOT_FILTERS = Set.of("limit", "offset", "marker", "all_tenants");

    private final TransferService service;
    private final Policy policy;
    private final CurrentCaller callers;
    private final VolumeApiConfig config;

    public TransferResource(TransferService service, Policy policy, CurrentCaller callers, VolumeApiConfig config) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
        this.config = config;
    }

    @POST
    public Uni<RestResponse<TransferView.One>> create(@PathParam("project_id") String project, TransferRequest.CreateBody body) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.TRANSFER_CREATE);
        TransferRequest.Create request = TransferRequest.Create.of(RequestBodies.unwrap(body, TransferRequest.CreateBody::transfer, "transfer"));
        return service.create(caller, admin, request).map(c -> RestResponse.accepted(new TransferView.One(
                TransferView.created(c.transfer(), c.authKey(), config.publicUrl(), project))));
    }

    @GET
    public Uni<TransferView.Many> list(@PathParam("project_id") String project, @Context UriInfo uri) {
        return list(project, uri, t -> TransferView.summary(t, config.publicUrl(), project));
    }

    @GET
    @Path("detail")
    public Uni<TransferView.Many> detail(@PathParam("project_id") String project, @Context UriInfo uri) {
        return list(project, uri, t -> TransferView.detail(t, config.publicUrl(), project));
    }

    @GET
    @Path("{id}")
    public Uni<TransferView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.TRANSFER_GET);
        return service.show(caller, admin, id).map(t -> new TransferView.One(TransferView.detail(t, config.publicUrl(), project)));
    }

    @POST
    @Path("{id}/accept")
    public Uni<RestResponse<TransferView.One>> accept(@PathParam("project_id") String project, @PathParam("id") String id,
                                                       TransferRequest.AcceptBody body) {
        Caller caller = callers.get();
        ProjectPath.authorize(policy, caller, project, VolumePolicies.TRANSFER_ACCEPT);
        String authKey = TransferRequest.authKey(RequestBodies.unwrap(body, TransferRequest.AcceptBody::accept, "accept"));
        return service.accept(caller, id, authKey).map(t -> RestResponse.accepted(new TransferView.One(
                TransferView.summary(t, config.publicUrl(), project))));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.TRANSFER_DELETE);
        return service.delete(caller, admin, id).map(v -> Response.accepted().build());
    }

    private Uni<TransferView.Many> list(String project, UriInfo uri, Function<VolumeTransfer, TransferView> view) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.TRANSFER_GET_ALL);
        var q = uri.getQueryParameters();
        Paging paging = Paging.of(q.getFirst("limit"), null, MAX_LIMIT, MAX_LIMIT);
        int offset = ListOrder.offset(q);
        boolean allTenants = q.getFirst("all_tenants") != null && Booleans.require(q.getFirst("all_tenants"), "all_tenants");
        Map<String, String> filters = new LinkedHashMap<>();
        q.forEach((k, v) -> {
            if (!NOT_FILTERS.contains(k)) {
                filters.put(k, v.get(0));
            }
        });
        return service.list(caller, admin, allTenants, filters, offset, paging.limit())
                .map(l -> new TransferView.Many(l.stream().map(view).toList()));
    }
}
